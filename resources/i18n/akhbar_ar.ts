<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="90"/>
        <source>Search the bookmarked headlines</source>
        <translation>ابحث في العناوين المحفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="96"/>
        <source>Headline</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="96"/>
        <source>From</source>
        <translation>من مقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="96"/>
        <source>In library</source>
        <translation>في المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="110"/>
        <location filename="../../desktop_app/gui/bookmarks.py" line="166"/>
        <source>No bookmarks yet. Star a related headline (☆) under an article.</source>
        <translation>لا توجد إشارات مرجعية بعد. ضع نجمة (☆) بجانب أي عنوان ذي صلة أسفل المقالة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="115"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="117"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="119"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="146"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="146"/>
        <source>Not yet</source>
        <translation>ليس بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="164"/>
        <source>No bookmarked headline matches.</source>
        <translation>لا عنوان محفوظا يطابق البحث.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="216"/>
        <location filename="../../desktop_app/gui/bookmarks.py" line="231"/>
        <source>Export bookmarks</source>
        <translation>تصدير الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="218"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="232"/>
        <source>Could not write {path}: {reason}</source>
        <translation>تعذّرت الكتابة في {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="41"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="52"/>
        <source>Looking for articles…</source>
        <translation>جارٍ البحث عن المقالات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="59"/>
        <source>Importing {done} of {total}</source>
        <translation>استيراد {done} من {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="63"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="101"/>
        <source>Import finished</source>
        <translation>انتهى الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="105"/>
        <source>{imported} imported, {duplicates} already in the library, {failed} failed.</source>
        <translation>استُورد {imported}، و{duplicates} موجود سابقاً في المكتبة، وتعذّر {failed}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="112"/>
        <source>Import cancelled.</source>
        <translation>أُلغي الاستيراد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="117"/>
        <source>Failed:</source>
        <translation>تعذّر استيرادها:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="117"/>
        <source>Already in the library:</source>
        <translation>موجودة سابقاً في المكتبة:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="117"/>
        <source>Warnings:</source>
        <translation>تنبيهات:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="122"/>
        <location filename="../../desktop_app/gui/main_window.py" line="565"/>
        <location filename="../../desktop_app/gui/main_window.py" line="925"/>
        <location filename="../../desktop_app/gui/main_window.py" line="935"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="127"/>
        <source>Related headlines</source>
        <translation>عناوين ذات صلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="128"/>
        <source>not in the library yet</source>
        <translation>ليس في المكتبة بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="129"/>
        <source>Bookmark this headline</source>
        <translation>أضف هذا العنوان إلى الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="130"/>
        <source>Remove the bookmark</source>
        <translation>أزل الإشارة المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="155"/>
        <location filename="../../desktop_app/gui/main_window.py" line="347"/>
        <source>Bookmarks</source>
        <translation>الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="172"/>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="174"/>
        <source>This library cannot be changed: importing and bookmarks are turned off.</source>
        <translation>لا يمكن تعديل هذه المكتبة: الاستيراد والإشارات المرجعية معطّلة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="225"/>
        <source>Search articles (Ctrl+F)</source>
        <translation>بحث في المقالات (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="232"/>
        <location filename="../../desktop_app/gui/main_window.py" line="350"/>
        <source>Filters</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="246"/>
        <source>Unread only</source>
        <translation>غير المقروءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="252"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="253"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="256"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="258"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="299"/>
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="307"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="309"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="313"/>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="317"/>
        <source>Export bookmarks…</source>
        <translation>تصدير الإشارات المرجعية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="320"/>
        <source>Back up library…</source>
        <translation>نسخ المكتبة احتياطياً…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="322"/>
        <source>Restore from backup…</source>
        <translation>استعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="325"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="328"/>
        <source>&amp;Article</source>
        <translation>م&amp;قالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="329"/>
        <source>Next article</source>
        <translation>المقالة التالية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="332"/>
        <source>Previous article</source>
        <translation>المقالة السابقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="335"/>
        <location filename="../../desktop_app/gui/main_window.py" line="570"/>
        <location filename="../../desktop_app/gui/main_window.py" line="604"/>
        <source>Mark as unread</source>
        <translation>علّمها غير مقروءة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="338"/>
        <source>Bookmark related headline</source>
        <translation>إشارة مرجعية لعنوان ذي صلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="342"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="345"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="355"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="359"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="361"/>
        <source>Actual size</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="364"/>
        <source>Arabic-Indic digits (٠١٢)</source>
        <translation>الأرقام الهندية (٠١٢)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="368"/>
        <source>Article font…</source>
        <translation>خط المقالة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="369"/>
        <source>Interface font…</source>
        <translation>خط الواجهة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="370"/>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="373"/>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="374"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="375"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="387"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="388"/>
        <location filename="../../desktop_app/gui/main_window.py" line="1027"/>
        <source>About Akhbar</source>
        <translation>عن «أخبار»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="477"/>
        <source>The list could not be loaded: {reason}</source>
        <translation>تعذّر تحميل القائمة: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="508"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="510"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقالة واحدة</numerusform>
            <numerusform>مقالتان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالة</numerusform>
            <numerusform>%n مقالة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="521"/>
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="522"/>
        <source>All places</source>
        <translation>كل الأماكن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="570"/>
        <location filename="../../desktop_app/gui/main_window.py" line="604"/>
        <source>Mark as read</source>
        <translation>علّمها مقروءة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="628"/>
        <source>The library is busy; the bookmark was not changed. Try again.</source>
        <translation>المكتبة مشغولة؛ لم تتغير الإشارة المرجعية. حاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="652"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="652"/>
        <source>Articles (*.txt);;All files (*)</source>
        <translation>مقالات (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="658"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="668"/>
        <source>This library is read-only: nothing can be imported into it.</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن الاستيراد إليها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="672"/>
        <source>An import is already running.</source>
        <translation>هناك عملية استيراد جارية.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="718"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="718"/>
        <source>The import stopped: {reason}</source>
        <translation>توقف الاستيراد: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="755"/>
        <source>This library is read-only: its file or its folder cannot be written. You can read and search; importing, bookmarks and read marks are off.</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن الكتابة في ملفها أو في مجلدها. يمكنك القراءة والبحث، أما الاستيراد والإشارات المرجعية وتعليم المقالات مقروءةً فمعطّلة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="763"/>
        <source>The library could not be read and was set aside untouched as {name}; a new, empty library was started.</source>
        <translation>تعذّرت قراءة المكتبة، فنُقلت جانباً كما هي باسم {name}، وبُدئت مكتبة جديدة فارغة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="795"/>
        <location filename="../../desktop_app/gui/main_window.py" line="830"/>
        <source>Back up library</source>
        <translation>نسخ المكتبة احتياطياً</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="797"/>
        <location filename="../../desktop_app/gui/main_window.py" line="847"/>
        <source>Akhbar library (*.db);;All files (*)</source>
        <translation>مكتبة «أخبار» (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="810"/>
        <source>Backing up the library…</source>
        <translation>جارٍ نسخ المكتبة احتياطياً…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="818"/>
        <source>Backed up %n article(s) to {path}</source>
        <translation>
            <numerusform>لم تُنسخ أي مقالة إلى {path}</numerusform>
            <numerusform>نُسخت مقالة واحدة إلى {path}</numerusform>
            <numerusform>نُسخت مقالتان إلى {path}</numerusform>
            <numerusform>نُسخت %n مقالات إلى {path}</numerusform>
            <numerusform>نُسخت %n مقالة إلى {path}</numerusform>
            <numerusform>نُسخت %n مقالة إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="831"/>
        <source>The backup was not made: {reason}</source>
        <translation>لم تُنشأ النسخة الاحتياطية: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="840"/>
        <source>Wait for the import to finish (or cancel it) before restoring.</source>
        <translation>انتظر انتهاء الاستيراد (أو ألغِه) قبل الاستعادة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="845"/>
        <location filename="../../desktop_app/gui/main_window.py" line="856"/>
        <source>Restore from backup</source>
        <translation>استعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="861"/>
        <source>This file cannot be restored: {reason}</source>
        <translation>لا يمكن الاستعادة من هذا الملف: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="869"/>
        <source>Replace the library with this backup of %n article(s)?

The library you have now is kept beside it, untouched, as a “before-restore” file.</source>
        <translation>
            <numerusform>استبدال المكتبة بهذه النسخة الاحتياطية الخالية من المقالات؟

تُحفظ مكتبتك الحالية بجانبها كما هي، في ملف «before-restore».</numerusform>
            <numerusform>استبدال المكتبة بهذه النسخة الاحتياطية التي تضم مقالة واحدة؟

تُحفظ مكتبتك الحالية بجانبها كما هي، في ملف «before-restore».</numerusform>
            <numerusform>استبدال المكتبة بهذه النسخة الاحتياطية التي تضم مقالتين؟

تُحفظ مكتبتك الحالية بجانبها كما هي، في ملف «before-restore».</numerusform>
            <numerusform>استبدال المكتبة بهذه النسخة الاحتياطية التي تضم %n مقالات؟

تُحفظ مكتبتك الحالية بجانبها كما هي، في ملف «before-restore».</numerusform>
            <numerusform>استبدال المكتبة بهذه النسخة الاحتياطية التي تضم %n مقالة؟

تُحفظ مكتبتك الحالية بجانبها كما هي، في ملف «before-restore».</numerusform>
            <numerusform>استبدال المكتبة بهذه النسخة الاحتياطية التي تضم %n مقالة؟

تُحفظ مكتبتك الحالية بجانبها كما هي، في ملف «before-restore».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="895"/>
        <source>Nothing was restored: {reason}</source>
        <translation>لم تُستعد أي مقالة: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="899"/>
        <source>Restored %n article(s) from {path}</source>
        <translation>
            <numerusform>لم تُستعد أي مقالة من {path}</numerusform>
            <numerusform>استُعيدت مقالة واحدة من {path}</numerusform>
            <numerusform>استُعيدت مقالتان من {path}</numerusform>
            <numerusform>استُعيدت %n مقالات من {path}</numerusform>
            <numerusform>استُعيدت %n مقالة من {path}</numerusform>
            <numerusform>استُعيدت %n مقالة من {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="926"/>
        <source>The library cannot be opened: {reason}</source>
        <translation>تعذّر فتح المكتبة: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="990"/>
        <source>Article font</source>
        <translation>خط المقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="998"/>
        <source>Interface font</source>
        <translation>خط الواجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="1028"/>
        <source>Akhbar {version}: an offline reader for Arabic news archives.</source>
        <translation>«أخبار» {version}: قارئ لأرشيفات الأخبار العربية يعمل دون اتصال.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../desktop_app/gui/notice_bar.py" line="31"/>
        <source>Hide this message</source>
        <translation>إخفاء هذه الرسالة</translation>
    </message>
</context>
</TS>
