#pragma once

#include <QColor>
#include <QPalette>

namespace JobDeck::Screenshots {

// The dark palette the README's pictures are taken in: a desktop dark theme's colours,
// disabled actions greyed as such a theme greys them.
inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3b, 0x3f, 0x2a));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe6, 0xc0));
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6f, 0x73, 0x7a));
    return p;
}

} // namespace JobDeck::Screenshots
