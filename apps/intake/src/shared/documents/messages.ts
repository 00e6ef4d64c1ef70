import { defineMessages } from '@hms/ui';

export const documentMessages = defineMessages({
  en: {
    fileChoose: 'Choose a file',
    fileUploading: 'Uploading {name}: {percent}%',
    fileUploaded: '{name} uploaded',
    fileRemove: 'Remove',
    fileRemoveLabel: 'Remove {name}',
    fileTooLarge: 'The selected file must be smaller than 10 MB',
    fileWrongType: 'The selected file must be a PDF, JPG or PNG',
    fileEmpty: 'The selected file is empty',
    fileTooMany: 'You can upload up to {n} files here',
    filesUploaded: 'Files uploaded',
    accepts: 'PDF, JPG or PNG, up to 10 MB each.',
  },
  es: {
    fileChoose: 'Elija un archivo',
    fileUploading: 'Subiendo {name}: {percent}%',
    fileUploaded: '{name} se subió',
    fileRemove: 'Quitar',
    fileRemoveLabel: 'Quitar {name}',
    fileTooLarge: 'El archivo seleccionado debe pesar menos de 10 MB',
    fileWrongType: 'El archivo seleccionado debe ser PDF, JPG o PNG',
    fileEmpty: 'El archivo seleccionado está vacío',
    fileTooMany: 'Puede subir hasta {n} archivos aquí',
    filesUploaded: 'Archivos subidos',
    accepts: 'PDF, JPG o PNG, hasta 10 MB cada uno.',
  },
});
