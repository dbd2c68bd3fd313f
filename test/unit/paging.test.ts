// Long lists in the sidebar a page at a time: what shows, what the "Show more" row says and
// does, and how far a list must open to reveal a row beyond its page.

import * as assert from 'node:assert/strict';
import { listPage, PAGE_SIZE, requestedToShow } from '../../src/model/presentation/paging';

describe('paging long lists', () => {
  it('shows short lists whole, without a "Show more" row', () => {
    assert.deepEqual(listPage(0, undefined), { shown: 0, more: undefined });
    assert.deepEqual(listPage(5, undefined), { shown: 5, more: undefined });
    assert.deepEqual(listPage(PAGE_SIZE, undefined), { shown: PAGE_SIZE, more: undefined });
  });

  it('shows the first page of a long list, then a row that adds the next page', () => {
    const page = listPage(1234, undefined);
    assert.equal(page.shown, 200);
    assert.deepEqual(page.more, {
      label: 'Show 200 more',
      description: '200 of 1,234 shown',
      tooltip: 'Show the next 200 of the 1,034 not shown yet',
      nextRequested: 400,
    });
  });

  it('ends with a row for what remains, then none', () => {
    let requested: number | undefined;
    const labels: string[] = [];
    for (;;) {
      const page = listPage(450, requested);
      if (!page.more) {
        assert.equal(page.shown, 450);
        break;
      }
      labels.push(`${page.more.label} (${page.more.description})`);
      requested = page.more.nextRequested;
    }
    assert.deepEqual(labels, ['Show 200 more (200 of 450 shown)', 'Show 50 more (400 of 450 shown)']);
    assert.equal(listPage(450, 400).more?.tooltip, 'Show the remaining 50');
  });

  it('keeps a list open as far as it was as the plan changes, within what the list has', () => {
    assert.equal(listPage(1000, 600).shown, 600);
    assert.equal(listPage(300, 600).shown, 300, 'a shorter list shows whole');
    assert.equal(listPage(1000, 10).shown, 200, 'never less than a page');
    assert.equal(listPage(1000, Number.NaN).shown, 200);
  });

  it('takes any page size, at least one row', () => {
    assert.deepEqual(listPage(3, undefined, 2).more?.label, 'Show 1 more');
    assert.equal(listPage(3, undefined, 0).shown, 1);
  });

  it('opens a list far enough to reveal a row, in whole pages', () => {
    assert.equal(requestedToShow(0, undefined), 200);
    assert.equal(requestedToShow(199, undefined), 200);
    assert.equal(requestedToShow(200, undefined), 400);
    assert.equal(requestedToShow(1234, undefined), 1400);
    assert.equal(requestedToShow(300, 600), 600, 'already shown: unchanged');
    assert.ok(listPage(5000, requestedToShow(4321, undefined)).shown > 4321);
  });
});
