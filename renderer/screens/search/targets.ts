import type { SearchTarget } from '../../../shared/api/search';

/** Where a search hit opens, as an app route. */
export function targetPath(t: SearchTarget): string {
  switch (t.to) {
    case 'item':
      return `/meetings/${t.meetingId}/live?item=${t.itemId}`;
    case 'action':
      return `/actions?focus=${t.actionId}`;
    case 'measure':
      return `/scorecard/measure/${t.measureId}`;
    case 'voice':
      return `/voice?focus=${t.voiceId}`;
    case 'member':
      return `/settings?member=${t.memberId}`;
  }
}
