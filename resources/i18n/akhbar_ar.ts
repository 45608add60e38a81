<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="88"/>
        <source>Headline</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="88"/>
        <source>From</source>
        <translation>من مقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="88"/>
        <source>In library</source>
        <translation>في المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="102"/>
        <source>No bookmarks yet. Star a related headline (☆) under an article.</source>
        <translation>لا توجد إشارات مرجعية بعد. ضع نجمة (☆) بجانب أي عنوان ذي صلة أسفل المقالة.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="107"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="109"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="111"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="135"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="135"/>
        <source>Not yet</source>
        <translation>ليس بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="195"/>
        <location filename="../../desktop_app/gui/bookmarks.py" line="210"/>
        <source>Export bookmarks</source>
        <translation>تصدير الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="197"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/bookmarks.py" line="211"/>
        <source>Could not write {path}: {reason}</source>
        <translation>تعذّرت الكتابة في {path}: {reason}</translation>
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
        <location filename="../../desktop_app/gui/import_dialog.py" line="95"/>
        <source>Import finished</source>
        <translation>انتهى الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="99"/>
        <source>{imported} imported, {duplicates} already in the library, {failed} failed.</source>
        <translation>استُورد {imported}، و{duplicates} موجود سابقاً في المكتبة، وتعذّر {failed}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="106"/>
        <source>Import cancelled.</source>
        <translation>أُلغي الاستيراد.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="111"/>
        <source>Failed:</source>
        <translation>تعذّر استيرادها:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="111"/>
        <source>Already in the library:</source>
        <translation>موجودة سابقاً في المكتبة:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/import_dialog.py" line="111"/>
        <source>Warnings:</source>
        <translation>تنبيهات:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="82"/>
        <source>Akhbar</source>
        <translation>أخبار</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="87"/>
        <source>Related headlines</source>
        <translation>عناوين ذات صلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="88"/>
        <source>not in the library yet</source>
        <translation>ليس في المكتبة بعد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="89"/>
        <source>Bookmark this headline</source>
        <translation>أضف هذا العنوان إلى الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="90"/>
        <source>Remove the bookmark</source>
        <translation>أزل الإشارة المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="108"/>
        <location filename="../../desktop_app/gui/main_window.py" line="249"/>
        <source>Bookmarks</source>
        <translation>الإشارات المرجعية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="143"/>
        <source>Search articles (Ctrl+F)</source>
        <translation>بحث في المقالات (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="150"/>
        <location filename="../../desktop_app/gui/main_window.py" line="252"/>
        <source>Filters</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="164"/>
        <source>Unread only</source>
        <translation>غير المقروءة فقط</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="170"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="171"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="174"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="176"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="206"/>
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="214"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="216"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="220"/>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="224"/>
        <source>Export bookmarks…</source>
        <translation>تصدير الإشارات المرجعية…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="227"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="230"/>
        <source>&amp;Article</source>
        <translation>م&amp;قالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="231"/>
        <source>Next article</source>
        <translation>المقالة التالية</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="234"/>
        <source>Previous article</source>
        <translation>المقالة السابقة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="237"/>
        <location filename="../../desktop_app/gui/main_window.py" line="401"/>
        <location filename="../../desktop_app/gui/main_window.py" line="429"/>
        <source>Mark as unread</source>
        <translation>علّمها غير مقروءة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="240"/>
        <source>Bookmark related headline</source>
        <translation>إشارة مرجعية لعنوان ذي صلة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="244"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="247"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="257"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="259"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="261"/>
        <source>Actual size</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="264"/>
        <source>Arabic-Indic digits (٠١٢)</source>
        <translation>الأرقام الهندية (٠١٢)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="268"/>
        <source>Article font…</source>
        <translation>خط المقالة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="269"/>
        <source>Interface font…</source>
        <translation>خط الواجهة…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="270"/>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="273"/>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="274"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="275"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="287"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="288"/>
        <location filename="../../desktop_app/gui/main_window.py" line="618"/>
        <source>About Akhbar</source>
        <translation>عن «أخبار»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="338"/>
        <source>The list could not be loaded: {reason}</source>
        <translation>تعذّر تحميل القائمة: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="344"/>
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
        <location filename="../../desktop_app/gui/main_window.py" line="346"/>
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
        <location filename="../../desktop_app/gui/main_window.py" line="353"/>
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="354"/>
        <source>All places</source>
        <translation>كل الأماكن</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="401"/>
        <location filename="../../desktop_app/gui/main_window.py" line="429"/>
        <source>Mark as read</source>
        <translation>علّمها مقروءة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="471"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="471"/>
        <source>Articles (*.txt);;All files (*)</source>
        <translation>مقالات (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="477"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="486"/>
        <source>An import is already running.</source>
        <translation>هناك عملية استيراد جارية.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="531"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="531"/>
        <source>The import stopped: {reason}</source>
        <translation>توقف الاستيراد: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="581"/>
        <source>Article font</source>
        <translation>خط المقالة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="589"/>
        <source>Interface font</source>
        <translation>خط الواجهة</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="619"/>
        <source>Akhbar {version}: an offline reader for Arabic news archives.</source>
        <translation>«أخبار» {version}: قارئ لأرشيفات الأخبار العربية يعمل دون اتصال.</translation>
    </message>
</context>
</TS>
