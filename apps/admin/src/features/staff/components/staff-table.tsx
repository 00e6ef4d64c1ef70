import { ScrollableTable, formatDate, useLabel, useLanguage, useT } from '@hms/ui';
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
    <ScrollableTable caption={tr('caption')} captionId="staff-caption">
      <thead>
        <tr>
          <th scope="col">{tr('name')}</th>
          <th scope="col">{tr('email')}</th>
          <th scope="col">{tr('roles')}</th>
          <th scope="col">{tr('status')}</th>
          <th scope="col">{tr('since')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link className="usa-link" to={`/admin/users/${p.id}`}>
                {p.displayName}
              </Link>
            </th>
            <td className="text-wrap">{p.email}</td>
            <td>{p.roles.map((r) => label(staffRoleLabels[r])).join(', ')}</td>
            <td>
              <StaffStatusTag status={p.status} />
            </td>
            <td>{formatDate(p.createdAt, language)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
