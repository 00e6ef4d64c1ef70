import { defineHelp } from '@hms/ui';

/** "About this page" on returns (the file upload). */
export const returnsHelp = defineHelp({
  en: {
    purpose:
      'Import the return file the bank sends back: each return (R01, R03…) is matched to the payment it names by trace number.',
    check: [
      'The file is the bank’s return file (NACHA), not a file HMS built.',
      'After the import, read the result: applied, already recorded, unmatched or ignored, for each entry.',
      'Unmatched entries name a trace number HMS never sent: ask the bank about them.',
    ],
    next: 'A returned payment marks its request as returned and tells the citizen, who gives a new account when the return was about the account. Importing the same file again changes nothing.',
  },
  es: {
    purpose:
      'Importe el archivo de devoluciones que envía el banco: cada devolución (R01, R03…) se asocia al pago que nombra por número de rastreo.',
    check: [
      'Que el archivo sea el de devoluciones del banco (NACHA), no uno que armó HMS.',
      'Después de importar, lea el resultado de cada entrada: aplicada, ya registrada, sin coincidencia o ignorada.',
      'Las entradas sin coincidencia nombran un número de rastreo que HMS nunca envió: consulte al banco.',
    ],
    next: 'Un pago devuelto marca su solicitud como devuelta y avisa al ciudadano, que da una nueva cuenta cuando la devolución fue por la cuenta. Importar el mismo archivo otra vez no cambia nada.',
  },
});

/** "About this page" on the notifications of change (the section below the returns import). */
export const nocHelp = defineHelp({
  en: {
    purpose:
      'Notifications of change (C01, C02…) are the bank’s corrections of a payee’s account: a new account number, routing number or account type.',
    check: [
      'The current and corrected values side by side: the change should look like a correction, not a different person.',
      'Only a finance supervisor can confirm or dismiss a notification.',
    ],
    next: 'Confirming changes the payee account for every later payment to it, and is recorded in the audit log. Dismissing leaves the account as it was.',
  },
  es: {
    purpose:
      'Las notificaciones de cambio (C01, C02…) son correcciones del banco a la cuenta de un beneficiario: un nuevo número de cuenta, de ruta o tipo de cuenta.',
    check: [
      'Los valores actuales y corregidos lado a lado: el cambio debe parecer una corrección, no otra persona.',
      'Solo un supervisor de finanzas puede confirmar o descartar una notificación.',
    ],
    next: 'Confirmar cambia la cuenta del beneficiario para todos los pagos siguientes y queda en el registro de auditoría. Descartar deja la cuenta como estaba.',
  },
});
