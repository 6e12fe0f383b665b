/** The board's publishing settings as documents and the settings screen use them. */
import { ApiError } from '../../../shared/api/errors';
import type { Publishing } from '../../../shared/api/publishing';
import type { DB } from '../store/board-file';
import { publishingRow, type PublishingRow } from '../store/board';
import { bool } from '../store/sql';

export function publishing(db: DB): Publishing {
  const r = publishingRow(db);
  if (!r) throw new ApiError('bad_file', 'This board file has no board details');
  return {
    contactName: r.contact_name,
    contactTitle: r.contact_title,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    summonsBy: r.summons_by,
    publicNotice: r.public_notice,
    youngPeopleFirstNames: bool(r.young_people_first_names),
    minutePrefix: r.minute_prefix,
    yearStartMonth: r.year_start_month,
  };
}

export const publishingToRow = (p: Publishing): PublishingRow => ({
  contact_name: p.contactName,
  contact_title: p.contactTitle,
  contact_email: p.contactEmail,
  contact_phone: p.contactPhone,
  summons_by: p.summonsBy,
  public_notice: p.publicNotice,
  young_people_first_names: p.youngPeopleFirstNames ? 1 : 0,
  minute_prefix: p.minutePrefix,
  year_start_month: p.yearStartMonth,
});
