import { Checkbox, useLabel, useT } from '@hms/ui';
import {
  conflictingRoles,
  roleBlockedBy,
  staffRoleLabels,
  staffRoles,
} from '@hms/contracts/staff-rules';
import type { StaffRole } from '../api/staff.ts';
import { staffMessages } from '../messages.ts';

export interface RoleCheckboxesProps {
  /** id of the first checkbox (the error summary links there); the others are `${id}-${role}`. */
  id: string;
  chosen: readonly StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string | undefined;
  /** Roles that may not be unchecked, each with why (e.g. the last active administrator's own admin role). */
  locked?: Partial<Record<StaffRole, string>>;
  disabled?: boolean;
}

/**
 * The staff roles as checkboxes that follow the one rule in @hms/contracts/staff-rules: a role that cannot be combined
 * with those already chosen is disabled, with the reason written under it (the API refuses the same combination).
 */
export function RoleCheckboxes({
  id,
  chosen,
  onChange,
  error,
  locked = {},
  disabled = false,
}: RoleCheckboxesProps) {
  const tr = useT(staffMessages);
  const label = useLabel();
  const errorId = `${id}-error`;
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset
        className="usa-fieldset"
        aria-describedby={[`${id}-legend-hint`, error ? errorId : null].filter(Boolean).join(' ')}
      >
        <legend className={`usa-legend${error ? ' usa-label--error' : ''}`}>
          {tr('rolesLegend')}
        </legend>
        <div className="usa-hint" id={`${id}-legend-hint`}>
          {tr('rolesHint')}
        </div>
        {error ? (
          <span className="usa-error-message" id={errorId}>
            {error}
          </span>
        ) : null}
        {staffRoles.map((role, index) => {
          const inputId = index === 0 ? id : `${id}-${role}`;
          const blocked = roleBlockedBy(role, chosen);
          const lockReason = chosen.includes(role) ? locked[role] : undefined;
          const why = blocked
            ? tr('sodBlocked', {
                roles: conflictingRoles(role, chosen)
                  .map((r) => label(staffRoleLabels[r as StaffRole]))
                  .join(', '),
              })
            : lockReason;
          return (
            <Checkbox
              key={role}
              id={inputId}
              label={
                <>
                  {tr(`role_${role}`)}
                  {why ? (
                    <span className="usa-checkbox__label-description" id={`${inputId}-why`}>
                      {why}
                    </span>
                  ) : null}
                </>
              }
              name="roles"
              value={role}
              checked={chosen.includes(role)}
              disabled={disabled || blocked !== null || lockReason !== undefined}
              aria-describedby={why ? `${inputId}-why` : undefined}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? staffRoles.filter((r) => r === role || chosen.includes(r))
                    : chosen.filter((r) => r !== role),
                )
              }
            />
          );
        })}
      </fieldset>
    </div>
  );
}
