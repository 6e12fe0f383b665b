import { Button } from './forms';

/**
 * Pages through a long list the database pages for us: which ones are shown, of how many, and
 * the buttons to the pages before and after. Nothing is shown when everything fits on one page.
 */
export function Pager(props: {
  /** What the list holds, plural: "actions", "entries". */
  what: string;
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { offset, shown, total, pageSize } = props;
  if (total <= pageSize && offset === 0) return null;
  const page = Math.floor(offset / pageSize) + 1;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    <nav className="pager toolbar" aria-label={`Pages of ${props.what}`}>
      <Button variant="secondary" isDisabled={page <= 1} onPress={() => props.onPage(page - 1)}>
        Previous page
      </Button>
      <span data-testid="pager-range">
        {shown === 0
          ? `No ${props.what} on page ${n(page)}`
          : `${n(offset + 1)}–${n(offset + shown)} of ${n(total)} ${props.what}`}{' '}
        (page {n(page)} of {n(pages)})
      </span>
      <Button variant="secondary" isDisabled={page >= pages} onPress={() => props.onPage(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}
