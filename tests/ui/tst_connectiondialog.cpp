// The Connections dialog and the connection selector, driven through their widgets, with
// the real keychain (a gnome-keyring of the test's own, support/with-keyring.sh) and the
// Linkis simulator as the server.
#include "connections/connectiondialog.h"
#include "connections/connectionspanel.h"
#include "connections/passworddialog.h"
#include "console/console.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "profiles/profilestore.h"
#include "session/session.h"

#include "linkis/linkissimulator.h"
#include "support/await.h"
#include "support/isolatedhome.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace JobDeck;
using Sim::LinkisSimulator;

namespace {

const QString User = QStringLiteral("alice");
const QString Password = QStringLiteral("s3cret-pw-9c1e");
const QString Local = QLatin1StringView(Console::LocalConnection);

template<typename T>
T *child(QObject *parent, const char *name)
{
    auto *found = parent->findChild<T *>(QLatin1StringView(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

// Types into a line edit as a user would: select what is there, type over it.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) // QTest maps ASCII to keys; anything else goes in as text
            QTest::keyClick(edit, char(ch.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

// Picks a combo box entry with the arrow keys.
bool choose(QComboBox *combo, const QVariant &data)
{
    const int target = combo->findData(data);
    if (target < 0)
        return false;
    combo->setFocus();
    for (int guard = 0; combo->currentIndex() != target && guard < 50; ++guard)
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    return combo->currentIndex() == target;
}

// Activates a combo box entry that acts at once (connects, opens a dialog) with one key
// press from the entry shown, as a user does; true when that entry was the one activated.
bool activate(QComboBox *combo, const QVariant &data)
{
    const int target = combo->findData(data);
    if (target < 0 || target == combo->currentIndex())
        return false;
    QSignalSpy activated(combo, &QComboBox::activated);
    combo->setFocus();
    QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    return activated.count() == 1 && activated.at(0).at(0).toInt() == target;
}

void click(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton);
}

QByteArray allSettingsBytes()
{
    QSettings().sync();
    QByteArray bytes;
    QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                    QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace

class TestConnectionDialog final : public QObject
{
    Q_OBJECT

    LinkisSimulator m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("JobDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("JobDeck"));
        QVERIFY(QSettings().fileName().startsWith(JobDeck::Test::isolatedHome()));
        if (!qEnvironmentVariableIsSet("JOBDECK_TEST_KEYRING"))
            QSKIP("run through tests/support/with-keyring.sh (ctest does)");
        QVERIFY(m_sim.listen());
        m_sim.addUser(User, Password);
    }

    // Each test starts without profiles, and without their secrets in the keychain.
    void init()
    {
        ProfileStore store;
        const QStringList names = ProfileStore::names();
        for (const QString &name : names) {
            AWAIT(removed, store.remove(name));
            QVERIFY(removed.has_value());
        }
        QSettings().remove(QStringLiteral("profiles"));
    }

    void createsAProfileThroughTheForm()
    {
        ProfileStore store;
        ConnectionDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(child<QPushButton>(&dialog, "addButton"));
        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("Cluster 集群"));
        QVERIFY(choose(child<QComboBox>(&dialog, "kindCombo"), QStringLiteral("linkis")));
        typeInto(child<QLineEdit>(&dialog, "urlEdit"), m_sim.baseUrl().toString());
        typeInto(child<QLineEdit>(&dialog, "userEdit"), User);
        typeInto(child<QLineEdit>(&dialog, "secretEdit"), Password);
        typeInto(child<QLineEdit>(&dialog, "proxyUserEdit"), QStringLiteral("hadoop"));
        typeInto(child<QLineEdit>(&dialog, "creatorEdit"), QStringLiteral("Console"));
        auto *timeout = child<QSpinBox>(&dialog, "timeoutSpin");
        timeout->setFocus();
        QTest::keyClick(timeout, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(timeout, QStringLiteral("45"));
        QCOMPARE(child<QLineEdit>(&dialog, "secretEdit")->echoMode(), QLineEdit::Password);

        QSignalSpy saved(&dialog, &ConnectionDialog::profileSaved);
        click(child<QPushButton>(&dialog, "saveButton"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
        QCOMPARE(dialog.status(), ConnectionDialog::Status::Success);
        QVERIFY2(dialog.statusText().contains(u"keychain"), qPrintable(dialog.statusText()));

        const auto profile = ProfileStore::load(QStringLiteral("Cluster 集群"));
        QVERIFY(profile);
        QCOMPARE(profile->kind, QStringLiteral("linkis"));
        QCOMPARE(profile->url, m_sim.baseUrl());
        QCOMPARE(profile->user, User);
        QCOMPARE(profile->proxyUser, QStringLiteral("hadoop"));
        QCOMPARE(profile->creator, QStringLiteral("Console"));
        QCOMPARE(profile->requestTimeoutMs, 45000);
        QCOMPARE(profile->auth, ConnectionProfile::Auth::Password);
        AWAIT(secret, store.readSecret(QStringLiteral("Cluster 集群")));
        QVERIFY(secret.has_value());
        QCOMPARE(*secret, Password);
        QVERIFY(!allSettingsBytes().contains(Password.toUtf8()));
        // The field is never filled with the stored secret; it says one is stored.
        auto *secretEdit = child<QLineEdit>(&dialog, "secretEdit");
        QVERIFY(secretEdit->text().isEmpty());
        QVERIFY(secretEdit->placeholderText().contains(u"stored"));
        auto *list = child<QListWidget>(&dialog, "profileList");
        QVERIFY(!list->findItems(QStringLiteral("Cluster 集群"), Qt::MatchExactly).isEmpty());
    }

    void invalidInputIsExplainedInline()
    {
        ProfileStore store;
        ConnectionDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(child<QPushButton>(&dialog, "addButton"));
        typeInto(child<QLineEdit>(&dialog, "urlEdit"), QString());
        click(child<QPushButton>(&dialog, "saveButton"));
        QCOMPARE(dialog.status(), ConnectionDialog::Status::Error);
        QVERIFY2(dialog.statusText().contains(u"address"), qPrintable(dialog.statusText()));
        QVERIFY(child<QLineEdit>(&dialog, "urlEdit")->hasFocus());
        typeInto(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("http://dinky:8888"));
        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("a/b"));
        click(child<QPushButton>(&dialog, "saveButton"));
        QCOMPARE(dialog.status(), ConnectionDialog::Status::Error);
        QVERIFY(dialog.statusText().contains(u"/"));
        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("dinky"));
        QVERIFY(choose(child<QComboBox>(&dialog, "kindCombo"), QStringLiteral("dinky")));
        typeInto(child<QComboBox>(&dialog, "timeZoneCombo")->lineEdit(), QStringLiteral("Mars/Olympus"));
        click(child<QPushButton>(&dialog, "saveButton"));
        QCOMPARE(dialog.status(), ConnectionDialog::Status::Error);
        QVERIFY(dialog.statusText().contains(u"Mars/Olympus"));
        QVERIFY(ProfileStore::names().isEmpty());
        typeInto(child<QComboBox>(&dialog, "timeZoneCombo")->lineEdit(), QStringLiteral("GMT+8"));
        click(child<QPushButton>(&dialog, "saveButton"));
        QTRY_COMPARE(dialog.status(), ConnectionDialog::Status::Success);
        QCOMPARE(ProfileStore::load(QStringLiteral("dinky"))->serverTimeZone, QStringLiteral("GMT+8"));
    }

    void followsTheLanguageSwitch()
    {
        Translations translations;
        QVERIFY(translations.setLanguage(Language::English) || translations.language() == Language::English);
        ProfileStore store;
        ConnectionDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(choose(child<QComboBox>(&dialog, "kindCombo"), QStringLiteral("kylin")));
        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("half-typed"));
        auto *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
        QCOMPARE(close->text().remove(u'&'), QStringLiteral("Close"));
        QVERIFY(translations.setLanguage(Language::Chinese));
        QTRY_VERIFY(close->text().contains(u"关闭"));
        // What the user typed and chose stays; the kind's fields stay as they were.
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("half-typed"));
        QVERIFY(child<QLineEdit>(&dialog, "projectEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "proxyUserEdit")->isVisible());
        QVERIFY(translations.setLanguage(Language::English));
        QTRY_COMPARE(close->text().remove(u'&'), QStringLiteral("Close"));
    }

    void theKindDecidesWhichFieldsShow_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("linkis") << QStringLiteral(
            "linkis") << QStringList{QStringLiteral("proxyUserEdit"), QStringLiteral("creatorEdit")};
        QTest::newRow("kylin") << QStringLiteral(
            "kylin") << QStringList{QStringLiteral("projectEdit"), QStringLiteral("kylinVersionCombo")};
        QTest::newRow("dinky") << QStringLiteral("dinky")
                               << QStringList{QStringLiteral("tenantEdit"),
                                              QStringLiteral("dinkyVersionCombo"),
                                              QStringLiteral("timeZoneCombo")};
        QTest::newRow("sqlflow") << QStringLiteral(
            "sqlflow") << QStringList{QStringLiteral("dbVendorCombo"), QStringLiteral("timeZoneCombo")};
    }

    void theKindDecidesWhichFieldsShow()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, shown);
        ProfileStore store;
        ConnectionDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(choose(child<QComboBox>(&dialog, "kindCombo"), kind));
        const QStringList specific{QStringLiteral("proxyUserEdit"),
                                   QStringLiteral("creatorEdit"),
                                   QStringLiteral("projectEdit"),
                                   QStringLiteral("kylinVersionCombo"),
                                   QStringLiteral("tenantEdit"),
                                   QStringLiteral("dinkyVersionCombo"),
                                   QStringLiteral("dbVendorCombo"),
                                   QStringLiteral("timeZoneCombo")};
        for (const QString &name : specific) {
            auto *field = dialog.findChild<QWidget *>(name);
            QVERIFY(field);
            QVERIFY2(field->isVisible() == shown.contains(name), qPrintable(kind + u' ' + name));
        }
        for (const char *common : {"nameEdit", "urlEdit", "userEdit", "authCombo", "secretEdit"})
            QVERIFY(child<QWidget>(&dialog, common)->isVisible());
        if (kind == u"dinky") // Dinky's zone defaults to GMT+8
            QVERIFY(
                child<QComboBox>(&dialog, "timeZoneCombo")->lineEdit()->placeholderText().contains(u"GMT+8"));
        if (kind == u"sqlflow") {
            auto *vendors = child<QComboBox>(&dialog, "dbVendorCombo");
            QVERIFY(vendors->isEditable());
            for (const char *vendor : {"dbvhive", "dbvmssql", "dbvoracle", "dbvsnowflake", "dbvsparksql"})
                QVERIFY(vendors->findText(QLatin1StringView(vendor)) >= 0);
        }
    }

    void testConnectionShowsTheOutcomeInline()
    {
        ProfileStore store;
        ConnectionDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(child<QPushButton>(&dialog, "addButton"));
        typeInto(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("sim"));
        typeInto(child<QLineEdit>(&dialog, "urlEdit"), m_sim.baseUrl().toString());
        typeInto(child<QLineEdit>(&dialog, "userEdit"), User);
        typeInto(child<QLineEdit>(&dialog, "secretEdit"), Password);
        const int loginsBefore = m_sim.loginCount();
        auto *test = child<QPushButton>(&dialog, "testButton");
        click(test);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Success, 30000);
        QVERIFY2(dialog.statusText().contains(u"Connected"), qPrintable(dialog.statusText()));
        QCOMPARE(m_sim.loginCount(), loginsBefore + 1);
        QVERIFY(ProfileStore::names().isEmpty()); // testing saves nothing

        typeInto(child<QLineEdit>(&dialog, "secretEdit"), QStringLiteral("wrong-password"));
        click(test);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Error, 30000);
        QVERIFY2(dialog.statusText().contains(u"Invalid username or password"),
                 qPrintable(dialog.statusText()));
        QVERIFY(!dialog.statusText().contains(u"Exception"));
        QVERIFY(test->isEnabled());

        // Saved with its secret; a blank field then means the stored one.
        typeInto(child<QLineEdit>(&dialog, "secretEdit"), Password);
        click(child<QPushButton>(&dialog, "saveButton"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Success, 30000);
        QVERIFY(child<QLineEdit>(&dialog, "secretEdit")->text().isEmpty());
        click(test);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Busy, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Success, 30000);
        QVERIFY2(dialog.statusText().contains(u"Connected"), qPrintable(dialog.statusText()));
    }

    void renameDuplicateAndRemove()
    {
        ProfileStore store;
        ConnectionProfile profile;
        profile.name = QStringLiteral("prod");
        profile.kind = QStringLiteral("kylin");
        profile.url = QUrl(QStringLiteral("http://kylin:7070"));
        profile.project = QStringLiteral("learn_kylin");
        QVERIFY(store.save(profile));
        AWAIT(written, store.writeSecret(QStringLiteral("prod"), QStringLiteral("prod-secret")));
        QVERIFY(written.has_value());

        ConnectionDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.editedProfile(), QStringLiteral("prod"));
        QCOMPARE(child<QLineEdit>(&dialog, "projectEdit")->text(), QStringLiteral("learn_kylin"));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLineEdit>(&dialog, "secretEdit")->placeholderText().contains(u"stored"), 30000);

        // Rename: the secret moves along.
        click(child<QPushButton>(&dialog, "renameButton"));
        QVERIFY(child<QLineEdit>(&dialog, "nameEdit")->hasFocus());
        QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("production"));
        click(child<QPushButton>(&dialog, "saveButton"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Success, 30000);
        QCOMPARE(ProfileStore::names(), QStringList{QStringLiteral("production")});
        AWAIT(moved, store.readSecret(QStringLiteral("production")));
        QVERIFY(moved.has_value());
        QCOMPARE(*moved, QStringLiteral("prod-secret"));

        // Duplicate: a new profile with the same fields and a copy of the secret.
        click(child<QPushButton>(&dialog, "duplicateButton"));
        QVERIFY(dialog.editedProfile().isEmpty());
        click(child<QPushButton>(&dialog, "saveButton"));
        QTRY_COMPARE_WITH_TIMEOUT(ProfileStore::names().size(), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.status(), ConnectionDialog::Status::Success, 30000);
        const QString copy = dialog.editedProfile();
        QVERIFY(copy.startsWith(u"production"));
        QCOMPARE(ProfileStore::load(copy)->project, QStringLiteral("learn_kylin"));
        AWAIT(copied, store.readSecret(copy));
        QVERIFY(copied.has_value());
        QCOMPARE(*copied, QStringLiteral("prod-secret"));

        // Remove, after a confirmation.
        click(child<QPushButton>(&dialog, "removeButton"));
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = dialog.findChild<QMessageBox *>(QStringLiteral("removeQuestion"))));
        QAbstractButton *remove = nullptr;
        for (QAbstractButton *button : question->buttons()) {
            if (question->buttonRole(button) == QMessageBox::DestructiveRole)
                remove = button;
        }
        QVERIFY(remove);
        click(remove);
        QTRY_COMPARE_WITH_TIMEOUT(ProfileStore::names(), QStringList{QStringLiteral("production")}, 30000);
        AWAIT(gone, store.readSecret(copy));
        QVERIFY(gone.has_value());
        QVERIFY(gone->isEmpty());
    }

    void theSelectorAsksForAMissingPasswordAndRemembersIt()
    {
        ProfileStore store;
        ConnectionProfile profile;
        profile.name = QStringLiteral("sim");
        profile.kind = QStringLiteral("linkis");
        profile.url = m_sim.baseUrl();
        profile.user = User;
        QVERIFY(store.save(profile));

        // The console with its Local connection (not started: this test needs no local server).
        Console console;
        auto *local = new Session;
        console.addSession(local);
        MainWindow window(nullptr, &console);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QComboBox *selector = window.connectionsPanel()->selector();
        QVERIFY(selector->isVisible());
        QCOMPARE(selector->currentIndex(), 0); // Local
        QCOMPARE(selector->currentData().toString(), Local);
        QVERIFY(selector->findData(QStringLiteral("sim")) < 0); // not open yet
        const QString connectToSim = QString::fromLatin1("\x01connect:") + QStringLiteral("sim");
        QVERIFY(selector->findData(connectToSim) > 0);
        QVERIFY(activate(selector, connectToSim));

        PasswordDialog *ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((ask = window.findChild<PasswordDialog *>()), 30000);
        QTRY_VERIFY(ask->isVisible());
        auto *remember = child<QCheckBox>(ask, "rememberCheck");
        QVERIFY(remember->isVisible());
        QVERIFY(remember->isChecked());
        typeInto(child<QLineEdit>(ask, "secretEdit"), Password);
        click(ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));

        QTRY_VERIFY(console.session(QStringLiteral("sim")));
        Session *sim = console.session(QStringLiteral("sim"));
        QCOMPARE(sim->profileName(), QStringLiteral("sim"));
        QTRY_COMPARE_WITH_TIMEOUT(sim->state(), Session::State::Ready, 30000);
        QCOMPARE(console.targetConnection(), QStringLiteral("sim"));
        QCOMPARE(selector->currentData().toString(), QStringLiteral("sim"));
        QVERIFY(console.isOpen(Local)); // beside Local, not instead of it
        QCOMPARE(console.connections(), (QStringList{Local, QStringLiteral("sim")}));
        AWAIT(remembered, store.readSecret(QStringLiteral("sim")));
        QVERIFY(remembered.has_value());
        QCOMPARE(*remembered, Password);

        // Back to Local: the scripts go there; the profile's connection stays open.
        QVERIFY(choose(selector, Local));
        QCOMPARE(console.targetConnection(), Local);
        QVERIFY(console.isOpen(QStringLiteral("sim")));
        QCOMPARE(sim->state(), Session::State::Ready);
        // Closed, then opened again: no question this time.
        console.closeConnection(QStringLiteral("sim"));
        QVERIFY(!console.isOpen(QStringLiteral("sim")));
        QCOMPARE(selector->currentData().toString(), Local);
        QTRY_VERIFY(!window.findChild<PasswordDialog *>());
        QVERIFY(activate(selector, connectToSim));
        QTRY_VERIFY_WITH_TIMEOUT(console.session(QStringLiteral("sim"))
                                     && console.session(QStringLiteral("sim"))->state()
                                            == Session::State::Ready,
                                 30000);
        QVERIFY(!window.findChild<PasswordDialog *>());
        QCOMPARE(console.targetConnection(), QStringLiteral("sim"));

        // The last entry opens the Connections dialog.
        selector->setFocus();
        QTest::keyClick(selector, Qt::Key_End);
        QTRY_VERIFY(window.findChild<ConnectionDialog *>());
        QVERIFY(window.findChild<ConnectionDialog *>()->isVisible());
        QCOMPARE(window.findChild<ConnectionDialog *>()->editedProfile(), QStringLiteral("sim"));
        QCOMPARE(selector->currentData().toString(), QStringLiteral("sim")); // still connected there
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
