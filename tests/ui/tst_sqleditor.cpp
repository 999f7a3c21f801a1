#include "editor/sqleditor.h"

#include <QApplication>
#include <QTest>

using namespace JobDeck;

namespace {
// Restores the application palette when a test that changes it ends, however it ends.
struct PaletteGuard
{
    QPalette saved = QApplication::palette();
    ~PaletteGuard() { QApplication::setPalette(saved); }
};

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x32));
    palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return palette;
}
} // namespace

class TestSqlEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineNumberGutterGrowsWithTheScript()
    {
        SqlEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const int small = editor.lineNumberAreaWidth();
        QVERIFY(small > 0);
        QVERIFY(editor.viewport()->x() >= small); // the text starts right of the gutter
        QString manyLines;
        for (int i = 0; i < 12000; ++i)
            manyLines += QStringLiteral("SELECT %1;\n").arg(i);
        editor.setPlainText(manyLines);
        QVERIFY(editor.lineNumberAreaWidth() > small); // five digits need more room than three
        QVERIFY(editor.viewport()->x() >= editor.lineNumberAreaWidth());
    }

    void themeFollowsThePalette()
    {
        PaletteGuard guard;
        SqlEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QApplication::setPalette(darkPalette());
        // The theme changes with the palette, and the editor's background becomes dark.
        QTRY_VERIFY(editor.palette().color(QPalette::Base).lightness() < 100);
        const QString darkTheme = editor.themeName();

        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        light.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
        QApplication::setPalette(light);
        QTRY_VERIFY(editor.palette().color(QPalette::Base).lightness() > 150);
        QVERIFY(editor.themeName() != darkTheme);
    }

    void chosenThemeOverridesTheDesktop()
    {
        PaletteGuard guard;
        SqlEditor editor;
        const QString followed = editor.themeName();
        editor.setThemePreference(QStringLiteral("Dracula"));
        QCOMPARE(editor.themeName(), QStringLiteral("Dracula"));
        QApplication::setPalette(darkPalette()); // a chosen theme stays whatever the desktop does
        QCOMPARE(editor.themeName(), QStringLiteral("Dracula"));
        QApplication::setPalette(guard.saved);
        editor.setThemePreference(QString());
        QCOMPARE(editor.themeName(), followed);
        editor.setThemePreference(QStringLiteral("No Such Theme"));
        QCOMPARE(editor.themeName(), followed);
    }

    void unknownSyntaxFallsBackToSql()
    {
        SqlEditor editor;
        editor.setSyntaxName(QStringLiteral("No Such Language"));
        QCOMPARE(editor.syntaxName(), QStringLiteral("SQL"));
        editor.setSyntaxName(QStringLiteral("SQL (PostgreSQL)"));
        QCOMPARE(editor.syntaxName(), QStringLiteral("SQL (PostgreSQL)"));
    }
};

QTEST_MAIN(TestSqlEditor)
#include "tst_sqleditor.moc"
