import { DataTable, formatDate, useLabel, useLanguage, useT } from '@hms/ui';
import { staffRoleLabels } from '@hms/contracts/staff-rules';
import { Link } from 'react-router';
import type { StaffSummary } from '../api/staff.ts';
import { staffMessages } from '../messages.ts';
import { StaffStatusTag } from './staff-status-tag.tsx';

export function StaffTable({ people }: { people: readonly StaffSummary[] }) {
  const tr = useT(staffMessages);
  const label = useLabel();
  const { language } = useLanguage();
  return (
    <DataTable
      caption={tr('caption')}
      rows={people}
      columns={[
        {
          header: tr('name'),
          rowHeader: true,
          cell: (p) => (
            <Link className="usa-link" to={`/admin/users/${p.id}`}>
              {p.displayName}
            </Link>
          ),
        },
        { header: tr('email'), className: 'text-wrap', cell: (p) => p.email },
        {
          header: tr('roles'),
          cell: (p) => p.roles.map((r) => label(staffRoleLabels[r])).join(', '),
        },
        { header: tr('status'), cell: (p) => <StaffStatusTag status={p.status} /> },
        { header: tr('since'), cell: (p) => formatDate(p.createdAt, language) },
      ]}
    />
  );
}
