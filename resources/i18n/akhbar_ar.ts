<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>BackupFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="31"/>
        <source>Back up library…</source>
        <translation>نسخ المكتبة احتياطياً…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="32"/>
        <source>Restore from backup…</source>
        <translation>استعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="49"/>
        <location filename="../../desktop_app/gui/features/backup.py" line="86"/>
        <source>Back up library</source>
        <translation>نسخ المكتبة احتياطياً</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="51"/>
        <location filename="../../desktop_app/gui/features/backup.py" line="105"/>
        <source>Akhbar library (*.db);;All files (*)</source>
        <translation>مكتبة «أخبار» (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="64"/>
        <source>Backing up the library…</source>
        <translation>جارٍ نسخ المكتبة احتياطياً…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/features/backup.py" line="74"/>
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
        <location filename="../../desktop_app/gui/features/backup.py" line="87"/>
        <source>The backup was not made: {reason}</source>
        <translation>لم تُنشأ النسخة الاحتياطية: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="98"/>
        <source>Wait for the import to finish (or cancel it) before restoring.</source>
        <translation>انتظر انتهاء الاستيراد (أو ألغِه) قبل الاستعادة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="103"/>
        <location filename="../../desktop_app/gui/features/backup.py" line="114"/>
        <source>Restore from backup</source>
        <translation>استعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="121"/>
        <source>This file cannot be restored: {reason}</source>
        <translation>لا يمكن الاستعادة من هذا الملف: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/features/backup.py" line="129"/>
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
        <location filename="../../desktop_app/gui/features/backup.py" line="155"/>
        <source>Nothing was restored: {reason}</source>
        <translation>لم تُستعد أي مقالة: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/features/backup.py" line="159"/>
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
        <location filename="../../desktop_app/gui/features/backup.py" line="174"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/backup.py" line="175"/>
        <source>The library cannot be opened: {reason}</source>
        <translation>تعذّر فتح المكتبة: {reason}</translation>
    </message>
</context>
<context>
    <name>BookmarksFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/bookmarks.py" line="30"/>
        <location filename="../../desktop_app/gui/features/bookmarks.py" line="35"/>
        <source>Bookmarks</source>
        <translation>الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/bookmarks.py" line="38"/>
        <source>Export bookmarks…</source>
        <translation>تصدير الإشارات المرجعية…</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="49"/>
        <source>Search the bookmarked headlines</source>
        <translation>ابحث في العناوين المحفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="55"/>
        <source>Headline</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="55"/>
        <source>From</source>
        <translation>من مقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="55"/>
        <source>In library</source>
        <translation>في المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="69"/>
        <location filename="../../desktop_app/gui/bookmarks.py" line="130"/>
        <source>No bookmarks yet. Star a related headline (☆) under an article.</source>
        <translation>لا توجد إشارات مرجعية بعد. ضع نجمة (☆) بجانب أي عنوان ذي صلة أسفل المقالة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="74"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="76"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="78"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="110"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="110"/>
        <source>Not yet</source>
        <translation>ليس بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="128"/>
        <source>No bookmarked headline matches.</source>
        <translation>لا عنوان محفوظا يطابق البحث.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="178"/>
        <location filename="../../desktop_app/gui/bookmarks.py" line="193"/>
        <source>Export bookmarks</source>
        <translation>تصدير الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="180"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="194"/>
        <source>Could not write {path}: {reason}</source>
        <translation>تعذّرت الكتابة في {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ComfortsFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="30"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="35"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="38"/>
        <source>Actual size</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="40"/>
        <source>Arabic-Indic digits (٠١٢)</source>
        <translation>الأرقام الهندية (٠١٢)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="44"/>
        <source>Article font…</source>
        <translation>خط المقالة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="46"/>
        <source>Interface font…</source>
        <translation>خط الواجهة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="48"/>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="50"/>
        <location filename="../../desktop_app/gui/features/comforts.py" line="59"/>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="51"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="52"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="58"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="126"/>
        <source>Article font</source>
        <translation>خط المقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="134"/>
        <source>Interface font</source>
        <translation>خط الواجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/comforts.py" line="162"/>
        <source>The window will use the new language from its next start.</source>
        <translation>ستستعمل النافذة اللغة الجديدة من تشغيلها التالي.</translation>
    </message>
</context>
<context>
    <name>ExportFeature</name>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="71"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="74"/>
        <source>Print article…</source>
        <translation>طباعة المقالة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="76"/>
        <source>Export article as PDF…</source>
        <translation>تصدير المقالة بصيغة PDF…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="92"/>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="127"/>
        <source>Export articles</source>
        <translation>تصدير المقالات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="95"/>
        <source>Selected articles (%n)</source>
        <translation>
            <numerusform>المقالات المحددة (لا شيء)</numerusform>
            <numerusform>المقالة المحددة (١)</numerusform>
            <numerusform>المقالتان المحددتان (٢)</numerusform>
            <numerusform>المقالات المحددة (%n)</numerusform>
            <numerusform>المقالات المحددة (%n)</numerusform>
            <numerusform>المقالات المحددة (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="96"/>
        <source>The list as shown</source>
        <translation>القائمة كما تظهر</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="99"/>
        <source>Tag: {name}</source>
        <translation>الوسم: {name}</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="102"/>
        <source>Saved search: {name}</source>
        <translation>البحث المحفوظ: {name}</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="114"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="115"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="136"/>
        <source>Exporting %n article(s)…</source>
        <translation>
            <numerusform>لا مقالات للتصدير…</numerusform>
            <numerusform>جارٍ تصدير مقالة واحدة…</numerusform>
            <numerusform>جارٍ تصدير مقالتين…</numerusform>
            <numerusform>جارٍ تصدير %n مقالات…</numerusform>
            <numerusform>جارٍ تصدير %n مقالة…</numerusform>
            <numerusform>جارٍ تصدير %n مقالة…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="144"/>
        <source>Exported %n article(s) to {path}</source>
        <translation>
            <numerusform>لم تُصدَّر أي مقالة إلى {path}</numerusform>
            <numerusform>صُدّرت مقالة واحدة إلى {path}</numerusform>
            <numerusform>صُدّرت مقالتان إلى {path}</numerusform>
            <numerusform>صُدّرت %n مقالات إلى {path}</numerusform>
            <numerusform>صُدّرت %n مقالة إلى {path}</numerusform>
            <numerusform>صُدّرت %n مقالة إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="151"/>
        <source>The export failed: {reason}</source>
        <translation>تعذّر التصدير: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="185"/>
        <source>Export article as PDF</source>
        <translation>تصدير المقالة بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/export.py" line="207"/>
        <source>Saved {path}</source>
        <translation>حُفظ الملف {path}</translation>
    </message>
</context>
<context>
    <name>HeadlineDelegate</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/headline_model.py" line="392"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا مواضع</numerusform>
            <numerusform>موضع واحد</numerusform>
            <numerusform>موضعان</numerusform>
            <numerusform>%n مواضع</numerusform>
            <numerusform>%n موضعًا</numerusform>
            <numerusform>%n موضع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlinesFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="106"/>
        <source>Search articles (Ctrl+F)</source>
        <translation>بحث في المقالات (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="113"/>
        <location filename="../../desktop_app/gui/features/headlines.py" line="173"/>
        <source>Filters</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="168"/>
        <source>Next article</source>
        <translation>المقالة التالية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="169"/>
        <source>Previous article</source>
        <translation>المقالة السابقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="171"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="207"/>
        <source>Unread only</source>
        <translation>غير المقروءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="215"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="216"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="219"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="221"/>
        <source>From</source>
        <translation>من مقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="260"/>
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="284"/>
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="285"/>
        <source>All places</source>
        <translation>كل الأماكن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="379"/>
        <source>The list could not be loaded: {reason}</source>
        <translation>تعذّر تحميل القائمة: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/features/headlines.py" line="402"/>
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
        <location filename="../../desktop_app/gui/features/headlines.py" line="404"/>
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
        <location filename="../../desktop_app/gui/features/headlines.py" line="126"/>
        <source>Best match first</source>
        <translation>الأنسب أولًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="127"/>
        <source>Newest first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="128"/>
        <source>Oldest first</source>
        <translation>الأقدم أولًا</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="131"/>
        <source>The order of the search results</source>
        <translation>ترتيب نتائج البحث</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="136"/>
        <source>Hamza as typed</source>
        <translation>مطابقة الهمزات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="137"/>
        <source>Match hamza exactly: أ, إ, آ, ء and ا differ</source>
        <translation>مطابقة الهمزات كما كُتبت: أ وإ وآ وء وا حروف مختلفة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="138"/>
        <source>Diacritics as typed</source>
        <translation>مطابقة التشكيل</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/headlines.py" line="140"/>
        <source>Match diacritics exactly: every mark typed must be written</source>
        <translation>مطابقة التشكيل: كل حركة كُتبت في البحث يجب أن تكون في النص</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="40"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="51"/>
        <source>Looking for articles…</source>
        <translation>جارٍ البحث عن المقالات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="58"/>
        <source>Importing {done} of {total}</source>
        <translation>استيراد {done} من {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="62"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="100"/>
        <source>Import finished</source>
        <translation>انتهى الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="104"/>
        <source>{imported} imported, {duplicates} already in the library, {failed} failed.</source>
        <translation>استُورد {imported}، و{duplicates} موجود سابقاً في المكتبة، وتعذّر {failed}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="111"/>
        <source>Import cancelled.</source>
        <translation>أُلغي الاستيراد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="116"/>
        <source>Failed:</source>
        <translation>تعذّر استيرادها:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="116"/>
        <source>Already in the library:</source>
        <translation>موجودة سابقاً في المكتبة:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="116"/>
        <source>Warnings:</source>
        <translation>تنبيهات:</translation>
    </message>
</context>
<context>
    <name>ImportingFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="32"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="35"/>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="59"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="61"/>
        <source>Articles (*.txt);;All files (*)</source>
        <translation>مقالات (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="68"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="76"/>
        <source>This library is read-only: nothing can be imported into it.</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن الاستيراد إليها.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="80"/>
        <source>An import is already running.</source>
        <translation>هناك عملية استيراد جارية.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="120"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/importing.py" line="121"/>
        <source>The import stopped: {reason}</source>
        <translation>توقف الاستيراد: {reason}</translation>
    </message>
</context>
<context>
    <name>LibrariesFeature</name>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="25"/>
        <source>New library…</source>
        <translation>مكتبة جديدة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="26"/>
        <source>Open library…</source>
        <translation>فتح مكتبة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="27"/>
        <source>Recent libraries</source>
        <translation>المكتبات الأخيرة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="55"/>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="61"/>
        <source>New library</source>
        <translation>مكتبة جديدة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="62"/>
        <source>{path} already exists; open it with Open library….</source>
        <translation>الملف {path} موجود من قبل؛ افتحه من «فتح مكتبة…».</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="69"/>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="84"/>
        <source>Open library</source>
        <translation>فتح مكتبة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="77"/>
        <source>Wait for the import to finish first.</source>
        <translation>انتظر حتى ينتهي الاستيراد أولاً.</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="85"/>
        <source>{path} cannot be opened: {reason}</source>
        <translation>تعذّر فتح {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/libraries.py" line="89"/>
        <source>Library: {path}</source>
        <translation>المكتبة: {path}</translation>
    </message>
</context>
<context>
    <name>LibraryStatusFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="19"/>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="21"/>
        <source>This library cannot be changed: importing and bookmarks are turned off.</source>
        <translation>لا يمكن تعديل هذه المكتبة: الاستيراد والإشارات المرجعية معطّلة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="35"/>
        <source>This library is read-only: its file or its folder cannot be written. You can read and search; importing, bookmarks and read marks are off.</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن الكتابة في ملفها أو في مجلدها. يمكنك القراءة والبحث، أما الاستيراد والإشارات المرجعية وتعليم المقالات مقروءةً فمعطّلة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="43"/>
        <source>The library could not be read and was set aside untouched as {name}; a new, empty library was started.</source>
        <translation>تعذّرت قراءة المكتبة، فنُقلت جانباً كما هي باسم {name}، وبُدئت مكتبة جديدة فارغة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="80"/>
        <source>This library is damaged: some of it can no longer be read. Nothing more is written to it. Restore a backup, or rebuild the library from everything that can still be read (the damaged file is kept).</source>
        <translation>هذه المكتبة تالفة: لم يعد ممكناً قراءة بعضها، ولن يُكتب فيها شيء بعد الآن. استعد نسخة احتياطية، أو أعد بناء المكتبة من كل ما يمكن قراءته (ويُحتفظ بالملف التالف).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="88"/>
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="89"/>
        <source>Rebuild the library</source>
        <translation>إعادة بناء المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="150"/>
        <source>The library could not be rebuilt: {reason}</source>
        <translation>تعذّرت إعادة بناء المكتبة: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="156"/>
        <source>The library was rebuilt: {articles} article(s) and {bookmarks} bookmark(s) could be read, {lost} could not. The damaged library is kept as {name}.</source>
        <translation>أُعيد بناء المكتبة: أمكن قراءة {articles} مقالاً و{bookmarks} إشارة مرجعية، وتعذّرت قراءة {lost}. وحُفظت المكتبة التالفة باسم {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="174"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/library_status.py" line="175"/>
        <source>The library cannot be opened: {reason}</source>
        <translation>لا يمكن فتح المكتبة: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="45"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="113"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="127"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="114"/>
        <source>&amp;Article</source>
        <translation>م&amp;قالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="115"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="116"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="129"/>
        <location filename="../../desktop_app/gui/main_window.py" line="148"/>
        <source>About Akhbar</source>
        <translation>عن «أخبار»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="149"/>
        <source>Akhbar {version}: an offline reader for Arabic news archives.</source>
        <translation>«أخبار» {version}: قارئ لأرشيفات الأخبار العربية يعمل دون اتصال.</translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="107"/>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="112"/>
        <source>Notes and highlights</source>
        <translation>الملاحظات والتظليلات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="115"/>
        <source>Highlight</source>
        <translation>تظليل</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="118"/>
        <source>Add note…</source>
        <translation>إضافة ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="150"/>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="166"/>
        <source>First select a passage of the article.</source>
        <translation>حدّد مقطعاً من المقالة أولاً.</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="169"/>
        <source>Add note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="169"/>
        <source>Note on the selected passage:</source>
        <translation>ملاحظة على المقطع المحدد:</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="180"/>
        <source>Search notes and highlights</source>
        <translation>البحث في الملاحظات والتظليلات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="182"/>
        <source>Passage and note</source>
        <translation>المقطع والملاحظة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="183"/>
        <source>Article</source>
        <translation>المقالة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="184"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="185"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="186"/>
        <source>Added</source>
        <translation>أضيفت</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="216"/>
        <source>highlight</source>
        <translation>تظليل</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/notes.py" line="220"/>
        <source>The notes could not be read: {reason}</source>
        <translation>تعذّرت قراءة الملاحظات: {reason}</translation>
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
<context>
    <name>ReaderFeature</name>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="39"/>
        <source>Related headlines</source>
        <translation>عناوين ذات صلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="40"/>
        <source>not in the library yet</source>
        <translation>ليس في المكتبة بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="41"/>
        <source>Bookmark this headline</source>
        <translation>أضف هذا العنوان إلى الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="42"/>
        <source>Remove the bookmark</source>
        <translation>أزل الإشارة المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="51"/>
        <location filename="../../desktop_app/gui/features/reader.py" line="98"/>
        <source>Mark as unread</source>
        <translation>علّمها غير مقروءة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="54"/>
        <source>Bookmark related headline</source>
        <translation>إشارة مرجعية لعنوان ذي صلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="80"/>
        <location filename="../../desktop_app/gui/features/reader.py" line="177"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="98"/>
        <source>Mark as read</source>
        <translation>علّمها مقروءة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/features/reader.py" line="131"/>
        <source>The library is busy; the bookmark was not changed. Try again.</source>
        <translation>المكتبة مشغولة؛ لم تتغير الإشارة المرجعية. حاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>SidebarFeature</name>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="80"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="84"/>
        <source>Sidebar</source>
        <translation>الشريط الجانبي</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="87"/>
        <source>Save search…</source>
        <translation>حفظ البحث…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="120"/>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="121"/>
        <source>Unread</source>
        <translation>غير المقروءة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="122"/>
        <source>Starred</source>
        <translation>المميّزة بنجمة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="123"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="124"/>
        <source>Saved searches</source>
        <translation>عمليات البحث المحفوظة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="125"/>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="126"/>
        <source>Trash</source>
        <translation>سلة المحذوفات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="158"/>
        <source>+{new} new</source>
        <translation>{new} جديدة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="267"/>
        <source>Save search</source>
        <translation>حفظ البحث</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="268"/>
        <source>Name of the saved search:</source>
        <translation>اسم البحث المحفوظ:</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="287"/>
        <source>Rename tag…</source>
        <translation>إعادة تسمية الوسم…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="288"/>
        <source>Remove tag</source>
        <translation>إزالة الوسم</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="290"/>
        <source>Rename saved search…</source>
        <translation>إعادة تسمية البحث المحفوظ…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="291"/>
        <source>Remove saved search</source>
        <translation>إزالة البحث المحفوظ</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="293"/>
        <source>Show the trash</source>
        <translation>عرض سلة المحذوفات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="301"/>
        <source>New name:</source>
        <translation>الاسم الجديد:</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="307"/>
        <source>Rename tag</source>
        <translation>إعادة تسمية الوسم</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="313"/>
        <source>Remove the tag “{name}” from every article?</source>
        <translation>أتريد إزالة الوسم «{name}» من كل المقالات؟</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="319"/>
        <source>Rename saved search</source>
        <translation>إعادة تسمية البحث المحفوظ</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="324"/>
        <source>Remove the saved search “{name}”?</source>
        <translation>أتريد إزالة البحث المحفوظ «{name}»؟</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/sidebar.py" line="328"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
</context>
<context>
    <name>TagsFeature</name>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="24"/>
        <source>Tag selected articles…</source>
        <translation>وسم المقالات المحددة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="27"/>
        <source>Remove a tag from selected articles…</source>
        <translation>إزالة وسم من المقالات المحددة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="30"/>
        <source>Star / unstar article</source>
        <translation>تمييز المقالة بنجمة / إلغاء التمييز</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="61"/>
        <source>Tag articles</source>
        <translation>وسم المقالات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="62"/>
        <source>Tag for %n article(s):</source>
        <translation>
            <numerusform>وسم لا مقالات:</numerusform>
            <numerusform>وسم لمقالة واحدة:</numerusform>
            <numerusform>وسم لمقالتين:</numerusform>
            <numerusform>وسم لـ %n مقالات:</numerusform>
            <numerusform>وسم لـ %n مقالة:</numerusform>
            <numerusform>وسم لـ %n مقالة:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="76"/>
        <source>Remove a tag</source>
        <translation>إزالة وسم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="77"/>
        <source>Tag to take off %n article(s):</source>
        <translation>
            <numerusform>الوسم المراد إزالته (لا مقالات):</numerusform>
            <numerusform>الوسم المراد إزالته من مقالة واحدة:</numerusform>
            <numerusform>الوسم المراد إزالته من مقالتين:</numerusform>
            <numerusform>الوسم المراد إزالته من %n مقالات:</numerusform>
            <numerusform>الوسم المراد إزالته من %n مقالة:</numerusform>
            <numerusform>الوسم المراد إزالته من %n مقالة:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/tags.py" line="90"/>
        <source>Tagged %n article(s) “{tag}”</source>
        <translation>
            <numerusform>لم تُوسم أي مقالة «{tag}»</numerusform>
            <numerusform>وُسمت مقالة واحدة «{tag}»</numerusform>
            <numerusform>وُسمت مقالتان «{tag}»</numerusform>
            <numerusform>وُسمت %n مقالات «{tag}»</numerusform>
            <numerusform>وُسمت %n مقالة «{tag}»</numerusform>
            <numerusform>وُسمت %n مقالة «{tag}»</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashFeature</name>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="41"/>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="46"/>
        <source>Trash</source>
        <translation>سلة المحذوفات</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="48"/>
        <source>Move to trash</source>
        <translation>نقل إلى سلة المحذوفات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="66"/>
        <source>Moved %n article(s) to the trash</source>
        <translation>
            <numerusform>لم تُنقل أي مقالة إلى السلة</numerusform>
            <numerusform>نُقلت مقالة واحدة إلى السلة</numerusform>
            <numerusform>نُقلت مقالتان إلى السلة</numerusform>
            <numerusform>نُقلت %n مقالات إلى السلة</numerusform>
            <numerusform>نُقلت %n مقالة إلى السلة</numerusform>
            <numerusform>نُقلت %n مقالة إلى السلة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="76"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="78"/>
        <source>Empty trash…</source>
        <translation>إفراغ السلة…</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="110"/>
        <source>deleted {when}</source>
        <translation>حُذفت {when}</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="138"/>
        <source>Empty trash</source>
        <translation>إفراغ السلة</translation>
    </message>
    <message>
        <location filename="../../work/wt/organise2/desktop_app/gui/features/trash.py" line="139"/>
        <source>Empty the trash? Its articles are removed for good; this cannot be undone.</source>
        <translation>أتريد إفراغ السلة؟ ستُحذف مقالاتها نهائياً ولا يمكن التراجع عن ذلك.</translation>
    </message>
</context>
</TS>
