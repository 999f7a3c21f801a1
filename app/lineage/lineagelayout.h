#pragma once

#include "lineage/lineagegraph.h"

#include <expected>

namespace JobDeck {

// The sizes a table box is laid out with (in scene units: pixels at zoom 1).
struct LineageMetrics
{
    double headerHeight = 24;
    double columnHeight = 18;
    double tableWidth = 200;
    double rankGap = 120; // between columns of tables, left to right
    double nodeGap = 24;  // between tables of one column
};

// Sets every table's rect: left to right by data flow, with Graphviz's dot layout (through
// libgvc; tables as fixed-size boxes, one edge per pair of connected tables). Safe to call
// from a worker thread; calls into Graphviz are serialised, since it keeps global state.
std::expected<void, QString> layoutLineage(LineageGraph &graph, const LineageMetrics &metrics = {});

// The height of a table's box for these metrics.
double tableHeight(const LineageGraph::Table &table, const LineageMetrics &metrics);

} // namespace JobDeck
