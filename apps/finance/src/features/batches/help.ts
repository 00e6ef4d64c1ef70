import { defineHelp } from '@hms/ui';

/** "About this page" on the list of ACH batches. */
export const batchesHelp = defineHelp({
  en: {
    purpose:
      'Every NACHA file HMS has built, newest first, with its state: built, released to the bank, settled, or cancelled.',
    check: [
      'Built batches waiting for release: past the same-day cut-off their effective date moves to the next business day.',
      'Who built each batch: the release must be done by a different finance supervisor.',
      'Released batches that have not settled after their effective date.',
    ],
    next: 'Open a batch to see its entries, release it, download its file or cancel it. Cancelling puts its payments back in the pending list.',
  },
  es: {
    purpose:
      'Todos los archivos NACHA que HMS armó, del más nuevo al más antiguo, con su estado: armado, liberado al banco, liquidado o cancelado.',
    check: [
      'Los lotes armados que esperan liberación: pasado el corte del mismo día, su fecha efectiva pasa al siguiente día hábil.',
      'Quién armó cada lote: la liberación debe hacerla otro supervisor de finanzas.',
      'Los lotes liberados que no se liquidaron después de su fecha efectiva.',
    ],
    next: 'Abra un lote para ver sus entradas, liberarlo, descargar su archivo o cancelarlo. Al cancelarlo, sus pagos vuelven a la lista de pendientes.',
  },
});

/** "About this page" on one batch. */
export const batchDetailHelp = defineHelp({
  en: {
    purpose:
      'One NACHA file: its entries (payments and prenotes), total, effective date and file hash, and the actions its state allows.',
    check: [
      'The entry count and total match the payments you expected to send.',
      'Prenote entries carry no money: their payments wait for the prenote days before they can be batched.',
      'You did not build this batch and did not approve any of its requests: otherwise release is refused.',
    ],
    next: 'Releasing fixes the file for good and lets a finance supervisor download it for the bank; the agency’s financial system is told. The bank’s settlement or returns come back later.',
  },
  es: {
    purpose:
      'Un archivo NACHA: sus entradas (pagos y prenotes), total, fecha efectiva y huella del archivo, y las acciones que permite su estado.',
    check: [
      'Que la cantidad de entradas y el total coincidan con los pagos que esperaba enviar.',
      'Las entradas de prenote no llevan dinero: sus pagos esperan los días del prenote antes de poder entrar en un lote.',
      'Que usted no armó este lote ni aprobó ninguna de sus solicitudes: si no, la liberación se rechaza.',
    ],
    next: 'Al liberarlo, el archivo queda fijo para siempre y un supervisor de finanzas puede descargarlo para el banco; se avisa al sistema financiero de la agencia. La liquidación o las devoluciones del banco llegan después.',
  },
});
