#pragma once

namespace JobDeck {

// Where the older jobs of one connection come from, a page at a time (a server's own job
// history). JobListModel asks its sources from canFetchMore()/fetchMore(), so a view loads
// only the history it is scrolled to. Not a QObject: the sessions that implement it already are.
class JobHistorySource
{
public:
    virtual ~JobHistorySource() = default;
    // True while pages remain that were not read (unknown counts as true until a short page).
    virtual bool hasMoreHistory() const = 0;
    // Reads the next page; its jobs reach the model like any others. Does nothing while a page
    // is on its way or when nothing remains.
    virtual void fetchMoreHistory() = 0;
    // True while a page asked for has not come back yet.
    virtual bool isFetchingHistory() const = 0;
};

} // namespace JobDeck
