<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_AF">
    <context>
        <name>AttachmentField</name>
        <message>
            <location filename="../editor/attachment_fields.py" line="66" />
            <location filename="../editor/attachment_fields.py" line="158" />
            <source>No file</source>
            <translation>فایلی نیست</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="68" />
            <source>Add file…</source>
            <translation>افزودن فایل…</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="69" />
            <source>View</source>
            <translation>نمایش</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="70" />
            <source>Remove</source>
            <translation>حذف</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="86" />
            <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</source>
            <translation>عکس‌ها (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="88" />
            <source>Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)</source>
            <translation>صدا (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="90" />
            <source>Video (*.mp4 *.mov *.mkv *.3gp *.webm)</source>
            <translation>ویدیو (*.mp4 *.mov *.mkv *.3gp *.webm)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="91" />
            <source>All files (*)</source>
            <translation>همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="95" />
            <source>Add a file</source>
            <translation>افزودن یک فایل</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="174" />
            <source>stored file</source>
            <translation>فایل ذخیره‌شده</translation>
        </message>
    </context>
    <context>
        <name>AttachmentViewer</name>
        <message>
            <location filename="../editor/attachment_fields.py" line="189" />
            <source>Attachment</source>
            <translation>پیوست</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="197" />
            <source>Photo</source>
            <translation>عکس</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="202" />
            <source>{name}: {size}. This file type cannot be shown here.</source>
            <translation>{name}: {size}. این نوع فایل اینجا نمایش داده نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="204" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <location filename="../hq/record_view.py" line="246" />
            <source>Audio</source>
            <translation>صدا</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="257" />
            <source>{name}: {size}. This build cannot play audio; use Save as… only if you must.</source>
            <translation>{name}: {size}. این نسخه نمی‌تواند صدا پخش کند؛ فقط در صورت ضرورت «ذخیره به نام…» را به کار ببرید.</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="265" />
            <source>&amp;Play</source>
            <translation>پخش</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="266" />
            <source>S&amp;top</source>
            <translation>توقف</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="272" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
    </context>
    <context>
        <name>AuditorWindow</name>
        <message>
            <location filename="../auditor/window.py" line="74" />
            <source>Intake auditor</source>
            <translation>بازرس Intake</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="77" />
            <source>Open &amp;keyring…</source>
            <translation>باز کردن حلقهٔ کلید…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="78" />
            <source>Open HQ &amp;log (optional)…</source>
            <translation>باز کردن گزارش رویدادهای دفتر مرکزی (اختیاری)…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="79" />
            <source>&amp;Add bundles…</source>
            <translation>افزودن بسته‌ها…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="80" />
            <source>C&amp;lear bundles</source>
            <translation>پاک کردن بسته‌ها</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="81" />
            <source>&amp;Save report…</source>
            <translation>ذخیرهٔ گزارش…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="82" />
            <source>No keyring open. Open the keyring HQ published (keyring.sig).</source>
            <translation>هیچ حلقهٔ کلیدی باز نیست. حلقهٔ کلیدی را که دفتر مرکزی منتشر کرده (keyring.sig) باز کنید.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="86" />
            <source>No HQ log: bundles are checked on their own.</source>
            <translation>گزارش دفتر مرکزی نیست: بسته‌ها به تنهایی بررسی می‌شوند.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="87" />
            <source>Drop bundle files (*.intake) or folders here. They are verified, never decrypted: no private key is needed.</source>
            <translation>فایل‌های بسته (*.intake) یا پوشه‌ها را اینجا رها کنید. آن‌ها تأیید می‌شوند، هرگز رمزگشایی نمی‌شوند: کلید خصوصی لازم نیست.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="97" />
            <source>Verdicts</source>
            <translation>نتیجه‌ها</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>Verdict</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>Device</source>
            <translation>دستگاه</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="99" />
            <source>Sequence</source>
            <translation>شماره ترتیب</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="99" />
            <source>In HQ's log</source>
            <translation>در گزارش دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="100" />
            <source>Reason or notes</source>
            <translation>دلیل یا یادداشت</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="130" />
            <source>HQ's keyring</source>
            <translation>حلقهٔ کلید دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="131" />
            <source>Keyring (*.sig);;All files (*)</source>
            <translation>حلقهٔ کلید (*.sig);;همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="139" />
            <source>Cannot open {path}: {error}</source>
            <translation>{path} باز نمی‌شود: {error}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="144" />
            <source>Keyring of {org} ({hq}), serial {serial}, {n} device(s). HQ fingerprint: {fp}. Compare it with the one HQ gave you in person.</source>
            <translation>حلقهٔ کلید {org} ({hq})، سری {serial}، {n} دستگاه. اثر انگشت دفتر مرکزی: {fp}. آن را با آنچه دفتر مرکزی حضوری به شما داده مقایسه کنید.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="151" />
            <source>HQ's event log</source>
            <translation>گزارش رویدادهای دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="152" />
            <source>Event log (*.jsonl *.log);;All files (*)</source>
            <translation>گزارش رویداد (*.jsonl *.log);;همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="158" />
            <source>HQ log: {path}</source>
            <translation>گزارش دفتر مرکزی: {path}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="162" />
            <source>Bundles</source>
            <translation>بسته‌ها</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="163" />
            <source>Bundles (*.intake);;All files (*)</source>
            <translation>بسته‌ها (*.intake);;همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="199" />
            <source>Open HQ's keyring to check these bundles.</source>
            <translation>برای بررسی این بسته‌ها حلقهٔ کلید دفتر مرکزی را باز کنید.</translation>
        </message>
        <message numerus="yes">
            <location filename="../auditor/window.py" line="203" />
            <source>Checking %n bundle(s)…</source>
            <translation>
                <numerusform>در حال بررسی %Ln بسته…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="220" />
            <source>entry {n}</source>
            <translation>مورد {n}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="221" />
            <source>not recorded</source>
            <translation>ثبت نشده</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="224" />
            <source>Valid</source>
            <translation>معتبر</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="224" />
            <source>Refused</source>
            <translation>رد شد</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="229" />
            <source>{good} valid, {bad} refused.</source>
            <translation>{good} معتبر، {bad} رد شد.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="232" />
            <source>HQ's log verifies.</source>
            <translation>گزارش دفتر مرکزی تأیید شد.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="233" />
            <source>HQ's log has problems: {problems}</source>
            <translation>گزارش دفتر مرکزی مشکل دارد: {problems}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="249" />
            <source>Save the audit report</source>
            <translation>ذخیرهٔ گزارش بازرسی</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="250" />
            <source>HTML report (*.html)</source>
            <translation>گزارش HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="265" />
            <source>Saved the report to {path}.</source>
            <translation>گزارش در {path} ذخیره شد.</translation>
        </message>
    </context>
    <context>
        <name>CaseDesk</name>
        <message>
            <location filename="../hq/case_desk.py" line="46" />
            <source>Working as</source>
            <translation>کار به نام</translation>
        </message>
        <message>
            <location filename="../hq/case_desk.py" line="48" />
            <source>&amp;Working as:</source>
            <translation>&amp;کار به نام:</translation>
        </message>
    </context>
    <context>
        <name>CaseLabels</name>
        <message>
            <location filename="../hq/case_labels.py" line="28" />
            <source>New</source>
            <translation>جدید</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="29" />
            <source>Triaged</source>
            <translation>بررسی اولیه شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="30" />
            <source>In progress</source>
            <translation>در جریان</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="31" />
            <location filename="../hq/case_labels.py" line="54" />
            <source>Referred</source>
            <translation>ارجاع شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="32" />
            <source>Closed</source>
            <translation>بسته شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="37" />
            <source>Low</source>
            <translation>کم</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="38" />
            <source>Medium</source>
            <translation>متوسط</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="39" />
            <source>High</source>
            <translation>بلند</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="40" />
            <source>Urgent</source>
            <translation>فوری</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="41" />
            <source>As the form says</source>
            <translation>طبق فورم</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="46" />
            <source>Opened</source>
            <translation>باز شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="47" />
            <source>Status changed</source>
            <translation>وضعیت تغییر کرد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="48" />
            <source>Reopened</source>
            <translation>دوباره باز شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="49" />
            <source>Priority changed</source>
            <translation>اولویت تغییر کرد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="50" />
            <source>Assigned</source>
            <translation>سپرده شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="51" />
            <source>Note</source>
            <translation>یادداشت</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="52" />
            <source>Follow-up added</source>
            <translation>پیگیری اضافه شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="53" />
            <source>Follow-up done</source>
            <translation>پیگیری انجام شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="55" />
            <source>Referral refused</source>
            <translation>ارجاع رد شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="56" />
            <source>Merged</source>
            <translation>ادغام شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="57" />
            <source>Merged into another case</source>
            <translation>در قضیهٔ دیگری ادغام شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="58" />
            <location filename="../hq/case_labels.py" line="59" />
            <source>Unmerged</source>
            <translation>ادغام لغو شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="60" />
            <source>Marked as not a duplicate</source>
            <translation>به عنوان غیرتکراری علامت‌گذاری شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="61" />
            <source>Not-a-duplicate mark undone</source>
            <translation>علامت غیرتکراری لغو شد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="65" />
            <source>(no name)</source>
            <translation>(بدون نام)</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="72" />
            <source>{level}: {field} within {n} days</source>
            <translation>{level}: {field} در {n} روز آینده</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="78" />
            <source>yes</source>
            <translation>بله</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="78" />
            <source>no</source>
            <translation>نخیر</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="80" />
            <source>{level}: {field} is {values}</source>
            <translation>{level}: {field} {values} است</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="82" />
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="91" />
            <source>{what} ({n} days before)</source>
            <translation>{what} ({n} روز پیش از آن)</translation>
        </message>
    </context>
    <context>
        <name>CaseParts</name>
        <message>
            <location filename="../hq/case_parts.py" line="55" />
            <source>Interviews</source>
            <translation>مصاحبه‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="56" />
            <source>Form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="56" />
            <source>Received</source>
            <translation>دریافت شد</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="57" />
            <source>Last changed</source>
            <translation>آخرین تغییر</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="57" />
            <source>Revision</source>
            <translation>نسخه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="58" />
            <source>Open the &amp;interview</source>
            <translation>باز کردن &amp;مصاحبه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="61" />
            <source>Follow-ups</source>
            <translation>پیگیری‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <source>Due</source>
            <translation>موعد</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>What</source>
            <translation>چه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <source>From</source>
            <translation>از</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="63" />
            <source>Done</source>
            <translation>انجام شد</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="68" />
            <source>Due date</source>
            <translation>تاریخ موعد</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="70" />
            <location filename="../hq/case_parts.py" line="71" />
            <source>What to follow up</source>
            <translation>چه چیزی پیگیری شود</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="72" />
            <source>Add &amp;follow-up</source>
            <translation>افزودن &amp;پیگیری</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="73" />
            <source>Mark &amp;done</source>
            <translation>علامت &amp;انجام شد</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="76" />
            <source>Notes</source>
            <translation>یادداشت‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <location filename="../hq/case_parts.py" line="86" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>When</source>
            <translation>چه وقت</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>Who</source>
            <translation>چه کسی</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <source>Note</source>
            <translation>یادداشت</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="79" />
            <source>A new note (notes cannot be changed later)</source>
            <translation>یادداشت جدید (یادداشت‌ها بعداً تغییر داده نمی‌شوند)</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="80" />
            <source>New note</source>
            <translation>یادداشت جدید</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="82" />
            <source>Add &amp;note</source>
            <translation>افزودن &amp;یادداشت</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="85" />
            <source>Referrals</source>
            <translation>ارجاع‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="86" />
            <source>Partner</source>
            <translation>همکار</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="86" />
            <location filename="../hq/case_parts.py" line="92" />
            <source>Need</source>
            <translation>نیاز</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="87" />
            <source>Interviews sent</source>
            <translation>مصاحبه‌های فرستاده‌شده</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="87" />
            <location filename="../hq/case_parts.py" line="102" />
            <source>Why</source>
            <translation>چرا</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="89" />
            <location filename="../hq/case_parts.py" line="90" />
            <source>Partner organisation</source>
            <translation>سازمان همکار</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="93" />
            <source>&amp;Refer</source>
            <translation>&amp;ارجاع</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="94" />
            <source>Save the referral package to a file</source>
            <translation>ذخیرهٔ بستهٔ ارجاع در یک فایل</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="100" />
            <source>History</source>
            <translation>تاریخچه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="102" />
            <source>Change</source>
            <translation>تغییر</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="105" />
            <source>Inter&amp;views</source>
            <translation>&amp;مصاحبه‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="108" />
            <source>Follo&amp;w-ups</source>
            <translation>&amp;پیگیری‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="110" />
            <source>N&amp;otes</source>
            <translation>یاد&amp;داشت‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="114" />
            <source>Re&amp;ferrals</source>
            <translation>ار&amp;جاع‌ها</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="115" />
            <source>&amp;History</source>
            <translation>&amp;تاریخچه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="135" />
            <source>the form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="137" />
            <source>Overdue</source>
            <translation>از موعد گذشته</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../hq/case_view.py" line="53" />
            <location filename="../hq/case_view.py" line="316" />
            <source>Choose a case in the list.</source>
            <translation>یک قضیه را از فهرست انتخاب کنید.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="62" />
            <source>Why (required for every change)</source>
            <translation>چرا (برای هر تغییر لازم است)</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="63" />
            <source>Reason</source>
            <translation>دلیل</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="65" />
            <source>New status</source>
            <translation>وضعیت جدید</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="66" />
            <location filename="../hq/case_view.py" line="171" />
            <source>Change &amp;status</source>
            <translation>تغییر &amp;وضعیت</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="68" />
            <source>Priority</source>
            <translation>اولویت</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="69" />
            <source>Set &amp;priority</source>
            <translation>تعیین &amp;اولویت</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="71" />
            <location filename="../hq/case_view.py" line="72" />
            <source>Caseworker</source>
            <translation>مسئول قضیه</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="73" />
            <source>&amp;Assign</source>
            <translation>&amp;سپردن</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="74" />
            <source>&amp;Unmerge the last case merged into this one</source>
            <translation>&amp;لغو ادغام آخرین قضیه‌ای که در این قضیه ادغام شده</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="76" />
            <source>Change</source>
            <translation>تغییر</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="78" />
            <source>Reason:</source>
            <translation>دلیل:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="79" />
            <source>Status:</source>
            <translation>وضعیت:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="80" />
            <source>Priority:</source>
            <translation>اولویت:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="81" />
            <source>Caseworker:</source>
            <translation>مسئول قضیه:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="147" />
            <source>Status: {status}</source>
            <translation>وضعیت: {status}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="148" />
            <source>Priority: {level}</source>
            <translation>اولویت: {level}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="150" />
            <source>(set by an analyst; the form says {level})</source>
            <translation>(توسط تحلیلگر تعیین شد؛ فورم می‌گوید {level})</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="152" />
            <source>Caseworker: {who}</source>
            <translation>مسئول قضیه: {who}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="152" />
            <source>none</source>
            <translation>هیچ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="154" />
            <source>Province: {p}</source>
            <translation>ولایت: {p}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="156" />
            <source>Needs: {needs}</source>
            <translation>نیازها: {needs}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="158" />
            <source>Document expires: {date}</source>
            <translation>انقضای سند: {date}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="160" />
            <source>Also written: {names}</source>
            <translation>همچنین نوشته شده: {names}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="162" />
            <source>Merged into another case</source>
            <translation>در قضیهٔ دیگری ادغام شده</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="164" />
            <source>Priority because: {why}</source>
            <translation>دلیل اولویت: {why}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="170" />
            <source>&amp;Triage</source>
            <translation>&amp;بررسی اولیه</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="214" />
            <source>Triaged.</source>
            <translation>بررسی اولیه شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="217" />
            <source>Status changed.</source>
            <translation>وضعیت تغییر کرد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="225" />
            <source>Priority changed.</source>
            <translation>اولویت تغییر کرد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="233" />
            <source>Assigned.</source>
            <translation>سپرده شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="241" />
            <source>Note added.</source>
            <translation>یادداشت اضافه شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="252" />
            <source>Follow-up added.</source>
            <translation>پیگیری اضافه شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="258" />
            <source>Choose an open follow-up first.</source>
            <translation>اول یک پیگیری باز را انتخاب کنید.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="262" />
            <source>Follow-up done.</source>
            <translation>پیگیری انجام شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="273" />
            <source>Referral package</source>
            <translation>بستهٔ ارجاع</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="274" />
            <source>The referral package you save is NOT encrypted: it holds the fields the referral template lists, of the interviews whose consent allows referral. Send it to the partner over a safe channel and delete it after. Continue?</source>
            <translation>بستهٔ ارجاعی که ذخیره می‌کنید رمزگذاری نشده است: فیلدهایی را که قالب ارجاع فهرست می‌کند از مصاحبه‌هایی که رضایت به ارجاع دارند در بر دارد. آن را از راه امن به همکار بفرستید و بعد پاک کنید. ادامه می‌دهید؟</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="279" />
            <source>Save the referral package</source>
            <translation>ذخیرهٔ بستهٔ ارجاع</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="280" />
            <source>JSON Lines (*.jsonl)</source>
            <translation>JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="287" />
            <source>Referred.</source>
            <translation>ارجاع شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="288" />
            <source>Referred; the package is saved in {path}.</source>
            <translation>ارجاع شد؛ بسته در {path} ذخیره شد.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="294" />
            <source>Referral refused: the person did not consent to referral to partners. Nothing was sent. The refusal is recorded.</source>
            <translation>ارجاع رد شد: این شخص به ارجاع به همکاران رضایت نداده است. هیچ چیزی فرستاده نشد. این رد ثبت شده است.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="307" />
            <source>Unmerged.</source>
            <translation>ادغام لغو شد.</translation>
        </message>
    </context>
    <context>
        <name>CasesView</name>
        <message>
            <location filename="../hq/cases_view.py" line="58" />
            <source>Queue</source>
            <translation>صف</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="59" />
            <source>New and untriaged</source>
            <translation>جدید و بررسی‌نشده</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="60" />
            <source>By priority</source>
            <translation>بر اساس اولویت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="61" />
            <source>Overdue follow-ups</source>
            <translation>پیگیری‌های از موعد گذشته</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="62" />
            <source>Documents expiring</source>
            <translation>اسناد رو به انقضا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="63" />
            <source>My cases</source>
            <translation>قضایای من</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="63" />
            <source>All open cases</source>
            <translation>همهٔ قضایای باز</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="64" />
            <source>Closed cases</source>
            <translation>قضایای بسته</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="69" />
            <source> days</source>
            <translation> روز</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="70" />
            <source>Within days</source>
            <translation>در چند روز</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="72" />
            <source>Search names and answers…</source>
            <translation>جستجوی نام‌ها و پاسخ‌ها…</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="73" />
            <source>Search cases</source>
            <translation>جستجوی قضایا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="76" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="77" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Priority</source>
            <translation>اولویت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="78" />
            <location filename="../hq/cases_view.py" line="100" />
            <source>Province</source>
            <translation>ولایت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="79" />
            <source>Need</source>
            <translation>نیاز</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="79" />
            <source>Form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="81" />
            <source>Any {what}</source>
            <translation>هر {what}</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="83" />
            <source>Any caseworker</source>
            <translation>هر مسئول قضیه</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="84" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Caseworker</source>
            <translation>مسئول قضیه</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="85" />
            <source>Opened from</source>
            <translation>باز شده از</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="92" />
            <source>to</source>
            <translation>تا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="93" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازه‌سازی</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="97" />
            <source>Cases</source>
            <translation>قضایا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="99" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="100" />
            <source>Needs</source>
            <translation>نیازها</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="100" />
            <source>Next follow-up</source>
            <translation>پیگیری بعدی</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="101" />
            <source>Document expires</source>
            <translation>انقضای سند</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="101" />
            <source>Opened</source>
            <translation>باز شده</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="103" />
            <source>&amp;Queue:</source>
            <translation>&amp;صف:</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="202" />
            <source>Priority set by an analyst</source>
            <translation>اولویت توسط تحلیلگر تعیین شده</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="206" />
            <source>Overdue</source>
            <translation>از موعد گذشته</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="209" />
            <source>Showing {shown} of {total} cases</source>
            <translation>نمایش {shown} از {total} قضیه</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/cases_view.py" line="212" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%Ln قضیه</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../hq/dashboard_view.py" line="161" />
            <location filename="../hq/dashboard_view.py" line="187" />
            <source>Open cases by priority</source>
            <translation>قضایای باز بر اساس اولویت</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="162" />
            <location filename="../hq/dashboard_view.py" line="188" />
            <source>Cases by status</source>
            <translation>قضایا بر اساس وضعیت</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="163" />
            <location filename="../hq/dashboard_view.py" line="189" />
            <source>New cases per week</source>
            <translation>قضایای جدید در هر هفته</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="164" />
            <source>Needs by province</source>
            <translation>نیازها بر اساس ولایت</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="165" />
            <source>overdue follow-ups</source>
            <translation>پیگیری از موعد گذشته</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="166" />
            <source>documents expiring soon</source>
            <translation>سند به‌زودی منقضی می‌شود</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="167" />
            <source>documents already expired</source>
            <translation>سند منقضی شده</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="168" />
            <source>open cases</source>
            <translation>قضیهٔ باز</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="172" />
            <source> days</source>
            <translation> روز</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="173" />
            <source>Expiring within</source>
            <translation>انقضا در مدت</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="174" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازه‌سازی</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="180" />
            <source>Documents expiring within:</source>
            <translation>اسناد رو به انقضا در مدت:</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="190" />
            <source>Needs of open cases, by province</source>
            <translation>نیازهای قضایای باز، بر اساس ولایت</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="224" />
            <source>Figures for {day}</source>
            <translation>ارقام برای {day}</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="238" />
            <source>%n closed</source>
            <translation>
                <numerusform>%Ln بسته</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="240" />
            <source>on %n case(s)</source>
            <translation>
                <numerusform>در %Ln قضیه</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="242" />
            <source>within %n day(s)</source>
            <translation>
                <numerusform>در %Ln روز</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DatabaseDialog</name>
        <message>
            <location filename="../hq/connect_dialog.py" line="36" />
            <source>Team database</source>
            <translation>پایگاه دادهٔ تیمی</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="39" />
            <source>HQ's records, cases and event log go to this PostgreSQL database instead of this computer. The database must be empty. The passphrase you choose next still protects HQ's keys on this computer.</source>
            <translation>ثبت‌ها، پرونده‌ها و دفتر رویدادهای دفتر مرکزی به جای این کمپیوتر در این پایگاه دادهٔ PostgreSQL نگهداری می‌شوند. پایگاه داده باید خالی باشد. رمزعبارتی که در گام بعد انتخاب می‌کنید همچنان کلیدهای دفتر مرکزی را در این کمپیوتر محافظت می‌کند.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="42" />
            <source>&amp;Server</source>
            <translation>&amp;سرور</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="43" />
            <source>Service &amp;name (pg_service.conf)</source>
            <translation>&amp;نام سرویس (pg_service.conf)</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="50" />
            <source>db.example.org, 10.0.0.5 or /run/postgresql</source>
            <translation>db.example.org، 10.0.0.5 یا /run/postgresql</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="51" />
            <source>Server or socket folder</source>
            <translation>سرور یا پوشهٔ سوکت</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="56" />
            <source>Port</source>
            <translation>پورت</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="59" />
            <source>Database</source>
            <translation>پایگاه داده</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="62" />
            <source>Login</source>
            <translation>نام کاربری</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="65" />
            <source>Service name</source>
            <translation>نام سرویس</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="69" />
            <source>Database password</source>
            <translation>رمز پایگاه داده</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="70" />
            <source>Empty: from ~/.pgpass or the service file</source>
            <translation>خالی: از ‎~/.pgpass یا فایل سرویس</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="75" />
            <source>Server or socket folder:</source>
            <translation>سرور یا پوشهٔ سوکت:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="76" />
            <source>Port:</source>
            <translation>پورت:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="77" />
            <source>Database:</source>
            <translation>پایگاه داده:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="78" />
            <source>Login:</source>
            <translation>نام کاربری:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="80" />
            <source>Service name:</source>
            <translation>نام سرویس:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="81" />
            <source>Password:</source>
            <translation>رمز:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="82" />
            <source>The password is used for this session only and never saved. To open HQ later without typing it, put it in ~/.pgpass or a libpq service file.</source>
            <translation>رمز فقط برای همین نشست به کار می‌رود و هرگز ذخیره نمی‌شود. برای باز کردن دفتر مرکزی در آینده بدون تایپ آن، آن را در ‎~/.pgpass یا یک فایل سرویس libpq بگذارید.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="85" />
            <source>&amp;Test connection</source>
            <translation>&amp;آزمایش اتصال</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="132" />
            <source>Connecting…</source>
            <translation>در حال اتصال…</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="140" />
            <source>Connected, but database {db} already holds an HQ store: give an empty one.</source>
            <translation>وصل شد، اما پایگاه دادهٔ {db} از قبل یک مخزن دفتر مرکزی دارد: یک پایگاه دادهٔ خالی بدهید.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="145" />
            <source>Connected to PostgreSQL {version}, database {db} as {user}. It is empty: ready for a new HQ.</source>
            <translation>به PostgreSQL {version}، پایگاه دادهٔ {db} با نام کاربری {user} وصل شد. خالی است: آماده برای یک دفتر مرکزی جدید.</translation>
        </message>
    </context>
    <context>
        <name>DatabasePasswordDialog</name>
        <message>
            <location filename="../hq/connect_dialog.py" line="181" />
            <source>Team database password</source>
            <translation>رمز پایگاه داده تیم</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="184" />
            <source>The team database asks for your database password. It is kept in memory until Intake locks, and never saved.</source>
            <translation>پایگاه داده تیم رمز پایگاه داده شما را می‌خواهد. این رمز تا قفل شدن Intake فقط در حافظه نگه داشته می‌شود و هرگز ذخیره نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="191" />
            <location filename="../hq/connect_dialog.py" line="192" />
            <source>Database password</source>
            <translation>رمز پایگاه داده</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../editor/date_fields.py" line="88" />
            <source>Calendar…</source>
            <translation>تقویم…</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="89" />
            <source>Pick a date from a calendar</source>
            <translation>انتخاب تاریخ از تقویم</translation>
        </message>
    </context>
    <context>
        <name>DatePicker</name>
        <message>
            <location filename="../editor/date_fields.py" line="56" />
            <source>Solar Hijri</source>
            <translation>هجری شمسی</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="57" />
            <source>Gregorian</source>
            <translation>میلادی</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="58" />
            <source>Calendar</source>
            <translation>تقویم</translation>
        </message>
    </context>
    <context>
        <name>DestinationPage</name>
        <message numerus="yes">
            <location filename="../export_view.py" line="127" />
            <source>%n sealed volume(s) never reached a stick (an earlier export was cut off). They will be written to this destination too.</source>
            <translation>
                <numerusform>%Ln بستهٔ مهر و موم‌شده هرگز به حافظهٔ USB نرسید (یک صدور قبلی قطع شد). این‌ها هم در این مقصد نوشته می‌شوند.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="73" />
            <source>Where should the sealed bundle go?</source>
            <translation>بستهٔ مهر و موم‌شده کجا ذخیره شود؟</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="74" />
            <source>Plug in the USB stick, or choose any folder. Only HQ can open what is written there.</source>
            <translation>فلش USB را وصل کنید یا یک پوشه انتخاب کنید. فقط دفتر مرکزی می‌تواند آنچه آنجا نوشته می‌شود را باز کند.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="77" />
            <source>Removable drives</source>
            <translation>درایوهای جداشدنی</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="78" />
            <source>&amp;Look for drives again</source>
            <translation>جستجوی دوبارهٔ درایوها</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="79" />
            <source>Choose a &amp;folder…</source>
            <translation>انتخاب پوشه…</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="82" />
            <source>Also write again the bundles HQ has not confirmed</source>
            <translation>بسته‌هایی را که دفتر مرکزی تأیید نکرده دوباره بنویس</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="85" />
            <source>Each bundle file is at most {size} (HQ's policy); larger exports are split.</source>
            <translation>هر فایل بسته حداکثر {size} است (سیاست دفتر مرکزی)؛ ارسال‌های بزرگ‌تر تقسیم می‌شوند.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="88" />
            <source>Removable drives:</source>
            <translation>درایوهای جداشدنی:</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_view.py" line="130" />
            <source>%n finalized record(s) to seal, about {size}.</source>
            <translation>
                <numerusform>%Ln پروندهٔ نهایی برای مهر و موم، حدود {size}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="138" />
            <source>{name} — {free} free</source>
            <translation>{name} — {free} خالی</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="143" />
            <source>No removable drive found. Plug one in, or choose a folder.</source>
            <translation>هیچ درایو جداشدنی پیدا نشد. یکی را وصل کنید یا یک پوشه انتخاب کنید.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="154" />
            <source>Folder for the sealed bundle</source>
            <translation>پوشه برای بستهٔ مهر و موم‌شده</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="169" />
            <source>Destination: {path}</source>
            <translation>مقصد: {path}</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="172" />
            <source>Not enough free space ({free}). Free some space or use another drive.</source>
            <translation>فضای خالی کافی نیست ({free}). کمی فضا خالی کنید یا از درایو دیگری استفاده کنید.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="176" />
            <source>Free space: {free}.</source>
            <translation>فضای خالی: {free}.</translation>
        </message>
    </context>
    <context>
        <name>DevicesView</name>
        <message>
            <location filename="../hq/devices_view.py" line="67" />
            <source>Devices</source>
            <translation>دستگاه‌ها</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Device</source>
            <translation>دستگاه</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Label</source>
            <translation>برچسب</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Fingerprint</source>
            <translation>اثر انگشت</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <location filename="../hq/devices_view.py" line="103" />
            <source>Enrolled</source>
            <translation>ثبت‌نام‌شده</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Last sequence</source>
            <translation>آخرین شماره</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Missing sequences</source>
            <translation>شماره‌های گمشده</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="71" />
            <source>&amp;Enroll from a device card…</source>
            <translation>ثبت‌نام از روی کارت دستگاه…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="72" />
            <source>&amp;Revoke…</source>
            <translation>لغو…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="73" />
            <source>Save the public &amp;keyring…</source>
            <translation>ذخیرهٔ حلقهٔ کلید عمومی…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="102" />
            <source>Revoked {date}</source>
            <translation>لغو شده {date}</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="108" />
            <source>none yet</source>
            <translation>هنوز هیچ</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="110" />
            <source>Bundles not received while later ones were</source>
            <translation>بسته‌هایی که نرسیده‌اند در حالی که بسته‌های بعدی رسیده‌اند</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/devices_view.py" line="111" />
            <source>%n device(s)</source>
            <translation>
                <numerusform>%Ln دستگاه</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="129" />
            <source>Device card</source>
            <translation>کارت دستگاه</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="130" />
            <source>Device cards (*.sig *.card);;All files (*)</source>
            <translation>کارت‌های دستگاه (*.sig *.card);;همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="136" />
            <source>Cannot read the device card {name}.</source>
            <translation>کارت دستگاه {name} خوانده نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="148" />
            <source>Enrolled {device}, fingerprint {fp}. Compare it with the one the laptop shows.</source>
            <translation>{device} ثبت‌نام شد، اثر انگشت {fp}. آن را با آنچه لپ‌تاپ نشان می‌دهد مقایسه کنید.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="158" />
            <source>Revoke device</source>
            <translation>لغو دستگاه</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="159" />
            <source>Revoke {device}? Bundles it signs from now on will be refused. This cannot be undone.</source>
            <translation>{device} لغو شود؟ بسته‌هایی که از این پس امضا کند رد می‌شوند. این کار برگشت‌پذیر نیست.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="168" />
            <source>Revoked {device}. Publish the new keyring.</source>
            <translation>{device} لغو شد. حلقهٔ کلید جدید را منتشر کنید.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="174" />
            <source>Save the public keyring</source>
            <translation>ذخیرهٔ حلقهٔ کلید عمومی</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="175" />
            <source>Keyring (*.sig)</source>
            <translation>حلقهٔ کلید (*.sig)</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="185" />
            <source>Saved the keyring to {path}.</source>
            <translation>حلقهٔ کلید در {path} ذخیره شد.</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../dialogs.py" line="27" />
            <source>Something went wrong ({name}). Your data was not changed.</source>
            <translation>مشکلی پیش آمد ({name}). معلومات شما تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../dialogs.py" line="33" />
            <source>Problem</source>
            <translation>مشکل</translation>
        </message>
    </context>
    <context>
        <name>DraftSaver</name>
        <message>
            <location filename="../editor/saving.py" line="81" />
            <source>Unsaved changes…</source>
            <translation>تغییرات ذخیره نشده…</translation>
        </message>
        <message>
            <location filename="../editor/saving.py" line="127" />
            <source>Not saved: {reason}</source>
            <translation>ذخیره نشد: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/saving.py" line="137" />
            <source>Saved at {time}, except %n answer(s) to fix (marked in red).</source>
            <translation>
                <numerusform>در {time} ذخیره شد، به جز %Ln پاسخ که باید اصلاح شود (با رنگ سرخ نشانی شده).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/saving.py" line="140" />
            <source>All changes saved at {time}.</source>
            <translation>همه تغییرات در {time} ذخیره شد.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesView</name>
        <message>
            <location filename="../hq/duplicates_view.py" line="48" />
            <source>Likely duplicates</source>
            <translation>تکراری‌های احتمالی</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="49" />
            <source>Case</source>
            <translation>قضیه</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="49" />
            <source>Likely the same as</source>
            <translation>احتمالاً همان</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Score</source>
            <translation>امتیاز</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Why</source>
            <translation>چرا</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="53" />
            <source>Reason</source>
            <translation>دلیل</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="54" />
            <source>&amp;Merge the second into the first</source>
            <translation>&amp;ادغام دومی در اولی</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="55" />
            <source>&amp;Not a duplicate</source>
            <translation>&amp;تکراری نیست</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="52" />
            <source>Why (required)</source>
            <translation>چرا (الزامی)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="56" />
            <source>&amp;Undo the last change</source>
            <translation>&amp;لغو آخرین تغییر</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="57" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازه‌سازی</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="65" />
            <source>Pairs of cases that may be the same person. Check both before merging; a merge can be undone.</source>
            <translation>جفت قضایایی که شاید یک شخص باشند. پیش از ادغام هر دو را بررسی کنید؛ ادغام قابل لغو است.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="86" />
            <source>names match ({keys}; {pct}% of the shorter name)</source>
            <translation>نام‌ها مطابقت دارند ({keys}؛ {pct}٪ نام کوتاه‌تر)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="90" />
            <source>same birth year ({year})</source>
            <translation>سال تولد یکسان ({year})</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="93" />
            <source>birth years {n} apart (against)</source>
            <translation>سال‌های تولد {n} سال فاصله (مخالف)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="94" />
            <source>birth years {n} apart</source>
            <translation>سال‌های تولد {n} سال فاصله</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="97" />
            <source>same province ({province})</source>
            <translation>ولایت یکسان ({province})</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="100" />
            <source>same phone number</source>
            <translation>شمارهٔ تلفن یکسان</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/duplicates_view.py" line="125" />
            <source>%n pair(s)</source>
            <translation>
                <numerusform>%Ln جفت</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="152" />
            <source>Merged {b} into {a}.</source>
            <translation>{b} در {a} ادغام شد.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="176" />
            <source>Marked as not a duplicate: {a} and {b}.</source>
            <translation>به عنوان غیرتکراری علامت‌گذاری شد: {a} و {b}.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="190" />
            <source>Unmerged.</source>
            <translation>ادغام لغو شد.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="191" />
            <source>The pair may be suggested again.</source>
            <translation>این جفت ممکن است دوباره پیشنهاد شود.</translation>
        </message>
    </context>
    <context>
        <name>EnrollPage</name>
        <message>
            <location filename="../wizard.py" line="124" />
            <source>Enroll with HQ</source>
            <translation>ثبت‌نام نزد دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="125" />
            <source>Open the provisioning file HQ gave you, then compare the fingerprint with the one HQ told you in person or by phone.</source>
            <translation>فایل تنظیمات را که دفتر مرکزی به شما داده باز کنید، سپس اثر انگشت را با آنچه دفتر مرکزی حضوری یا تلفنی به شما گفته مقایسه کنید.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="127" />
            <source>&amp;Open provisioning file…</source>
            <translation>باز کردن فایل تنظیمات…</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="135" />
            <source>HQ fingerprint</source>
            <translation>اثر انگشت دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="138" />
            <source>The fingerprint &amp;matches the one HQ gave me</source>
            <translation>اثر انگشت با آنچه دفتر مرکزی به من داده مطابقت دارد</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="140" />
            <source>Enroll &amp;later (records can be written, but not sent)</source>
            <translation>بعداً ثبت‌نام کن (پرونده‌ها نوشته می‌شوند اما ارسال نمی‌شوند)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="154" />
            <source>Provisioning file</source>
            <translation>فایل تنظیمات</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="155" />
            <source>Provisioning files (*.sig *.prov);;All files (*)</source>
            <translation>فایل‌های تنظیمات (*.sig *.prov);;همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="167" />
            <source>This file cannot be used: {reason}</source>
            <translation>این فایل قابل استفاده نیست: {reason}</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="173" />
            <source>HQ fingerprint in {name}:</source>
            <translation>اثر انگشت دفتر مرکزی در {name}:</translation>
        </message>
    </context>
    <context>
        <name>ErrorList</name>
        <message>
            <location filename="../editor/review.py" line="65" />
            <source>Answers to fix</source>
            <translation>پاسخ‌هایی که باید اصلاح شوند</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../error_texts.py" line="26" />
            <source>Wrong passphrase.</source>
            <translation>رمز عبور نادرست است.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="28" />
            <source>This file or value cannot be used here.</source>
            <translation>این فایل یا مقدار اینجا قابل استفاده نیست.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="30" />
            <source>The profile cannot be opened or created in this folder.</source>
            <translation>پروفایل در این پوشه باز یا ساخته نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="32" />
            <source>The team database needs your database password, or did not accept it.</source>
            <translation>پایگاه داده تیم رمز پایگاه داده شما را می‌خواهد، یا آن را نپذیرفت.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="35" />
            <source>The team database cannot be reached; check the network and the server address, then try again.</source>
            <translation>به پایگاه داده تیم دسترسی نیست؛ شبکه و نشانی سرور را بررسی کنید و دوباره تلاش کنید.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="38" />
            <source>The encrypted store failed its integrity check; do not write to it and ask for help.</source>
            <translation>ذخیره‌گاه رمزگذاری‌شده از بررسی سلامت رد شد؛ در آن چیزی ننویسید و کمک بخواهید.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="41" />
            <source>The disk is full; nothing was written. Free some space and try again.</source>
            <translation>دیسک پر است؛ چیزی نوشته نشد. کمی جا خالی کنید و دوباره تلاش کنید.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="43" />
            <source>The attachment storage could not be reached or refused the request; nothing was saved.</source>
            <translation>ذخیره‌گاه پیوست‌ها در دسترس نبود یا درخواست را نپذیرفت؛ چیزی ذخیره نشد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="46" />
            <source>The check could not run to the end; this is not a sign of damage.</source>
            <translation>بررسی تا آخر اجرا نشد؛ این نشانهٔ خرابی نیست.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="48" />
            <source>It no longer exists (the record, form, file or device was not found).</source>
            <translation>دیگر وجود ندارد (پرونده، فورم، فایل یا دستگاه پیدا نشد).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="50" />
            <source>This cannot be done in the record's current state.</source>
            <translation>این کار در وضعیت فعلی پرونده ممکن نیست.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="52" />
            <source>The team database does not allow this for your role; nothing was changed.</source>
            <translation>پایگاه داده تیم این کار را برای نقش شما اجازه نمی‌دهد؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="55" />
            <source>The person did not consent to this.</source>
            <translation>شخص به این کار رضایت نداده است.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="57" />
            <source>An expression in the form cannot be read.</source>
            <translation>یک عبارت در فورم خوانده نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="59" />
            <source>The form's casework settings are not valid.</source>
            <translation>تنظیمات پیگیری قضیه در فورم معتبر نیست.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="61" />
            <source>The form cannot be loaded.</source>
            <translation>فورم بارگذاری نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="65" />
            <source>Export cancelled; nothing was lost (finished volumes are kept).</source>
            <translation>ارسال لغو شد؛ چیزی از دست نرفت (بخش‌های تمام‌شده نگه داشته می‌شوند).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="67" />
            <source>These backup shares do not restore the keys (too few, from different sets, or mistyped).</source>
            <translation>این سهم‌های پشتیبان کلیدها را بازیابی نمی‌کنند (کم، از مجموعه‌های مختلف یا با اشتباه تایپ‌شده).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="70" />
            <source>The drop box did not accept this computer's credentials.</source>
            <translation>صندوق تحویل اعتبارنامهٔ این کمپیوتر را نپذیرفت.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="74" />
            <source>No answer from the drop box; check the network and try again.</source>
            <translation>صندوق تحویل پاسخی نداد؛ شبکه را بررسی کنید و دوباره تلاش کنید.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="76" />
            <source>Cancelled; nothing was lost (the upload resumes next time).</source>
            <translation>لغو شد؛ چیزی از دست نرفت (بارگذاری دفعهٔ بعد ادامه می‌یابد).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="79" />
            <source>This could not be done.</source>
            <translation>این کار انجام نشد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="85" />
            <source>The file is damaged or not of the expected kind; nothing was changed.</source>
            <translation>فایل خراب است یا از نوع مورد انتظار نیست؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="87" />
            <source>The file's signature is missing or not valid; nothing was changed.</source>
            <translation>امضای فایل موجود نیست یا معتبر نیست؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="89" />
            <source>The file was signed by an unknown or revoked device; nothing was changed.</source>
            <translation>فایل توسط دستگاهی ناشناخته یا لغوشده امضا شده است؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="91" />
            <source>The file is meant for another HQ; nothing was changed.</source>
            <translation>این فایل برای دفتر مرکزی دیگری است؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="93" />
            <source>The file's content cannot be decrypted or is damaged; nothing was changed.</source>
            <translation>محتوای فایل رمزگشایی نمی‌شود یا خراب است؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="95" />
            <source>The bundle is out of sequence (repeated, missing or forked); nothing was changed.</source>
            <translation>ترتیب بسته درست نیست (تکراری، گم‌شده یا دوشاخه)؛ چیزی تغییر نکرد.</translation>
        </message>
        <message numerus="yes">
            <location filename="../error_texts.py" line="106" />
            <source>%n answer(s) are not valid; nothing was saved.</source>
            <translation>
                <numerusform>%Ln پاسخ معتبر نیست؛ چیزی ذخیره نشد.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="111" />
            <source>The drop box refused the request (error {status}).</source>
            <translation>صندوق تحویل درخواست را نپذیرفت (خطای {status}).</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../hq/export_dialog.py" line="40" />
            <source>Export records</source>
            <translation>صدور سوابق</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="44" />
            <source>Warning: this export leaves the encrypted store. The files written are NOT encrypted. Keep them on an encrypted disk, share them with no one who does not need them, and delete them when done.</source>
            <translation>هشدار: این صدور از انبار رمزگذاری‌شده بیرون می‌رود. فایل‌های نوشته‌شده رمزگذاری نشده‌اند. آن‌ها را روی دیسک رمزگذاری‌شده نگه دارید، با کسی که به آن‌ها نیاز ندارد شریک نکنید و پس از کار پاک کنید.</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="49" />
            <source>CSV (a folder, one file per form)</source>
            <translation>CSV (یک پوشه، برای هر فورم یک فایل)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="50" />
            <source>Excel workbook (.xlsx)</source>
            <translation>کارپوشهٔ اکسل (.xlsx)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="51" />
            <source>JSON Lines (.jsonl)</source>
            <translation>JSON Lines (.jsonl)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="53" />
            <source>All forms</source>
            <translation>همه فورم‌ها</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="59" />
            <source>Codes, not labels</source>
            <translation>کدها، نه برچسب‌ها</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="63" />
            <location filename="../hq/export_dialog.py" line="81" />
            <source>Export to</source>
            <translation>صدور به</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="64" />
            <source>Choose…</source>
            <translation>انتخاب…</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="68" />
            <source>I understand the exported files are not encrypted</source>
            <translation>می‌دانم که فایل‌های صادرشده رمزگذاری نشده‌اند</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="74" />
            <source>&amp;Export</source>
            <translation>صدور</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="78" />
            <source>Format</source>
            <translation>قالب</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="79" />
            <source>Form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="80" />
            <source>Labels in</source>
            <translation>برچسب‌ها به زبان</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="105" />
            <source>Folder for the CSV files</source>
            <translation>پوشه برای فایل‌های CSV</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="107" />
            <source>Export file</source>
            <translation>فایل صدور</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="132" />
            <source>Exporting…</source>
            <translation>در حال صدور…</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="147" />
            <source>Exported {n} record(s) to {path}. These files are not encrypted.</source>
            <translation>{n} سابقه به {path} صادر شد. این فایل‌ها رمزگذاری نشده‌اند.</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <location filename="../export_view.py" line="315" />
            <source>Export for HQ</source>
            <translation>ارسال برای دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="330" />
            <source>&amp;Seal</source>
            <translation>مهر و موم</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="331" />
            <source>&amp;Back</source>
            <translation>قبلی</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="332" />
            <source>&amp;Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="333" />
            <source>Cancel</source>
            <translation>لغو</translation>
        </message>
    </context>
    <context>
        <name>FieldWidget</name>
        <message>
            <location filename="../editor/base.py" line="108" />
            <source>(sensitive — only if needed)</source>
            <translation>(حساس — فقط در صورت نیاز)</translation>
        </message>
        <message>
            <location filename="../editor/base.py" line="113" />
            <source>Required</source>
            <translation>الزامی</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <location filename="../wizard.py" line="191" />
            <source>Setting up</source>
            <translation>در حال آماده‌سازی</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="194" />
            <source>Save the &amp;device card for HQ…</source>
            <translation>ذخیرهٔ کارت دستگاه برای دفتر مرکزی…</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="204" />
            <source>Creating the encrypted store… this takes a few seconds.</source>
            <translation>ساختن انبار رمزگذاری‌شده… چند ثانیه طول می‌کشد.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="210" />
            <source>Ready</source>
            <translation>آماده</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="213" />
            <source>The demo is ready, with sample records. Its practice HQ profile is in {hq} and opens with the same passphrase: after exporting, open it in the HQ window and use its “Import from a folder…” button. Nothing here touches real data.</source>
            <translation>نسخه نمایشی با ریکاردهای نمونه آماده است. پروفایل تمرینی دفتر مرکزی در {hq} است و با همین رمز باز می‌شود: پس از صادر کردن، آن را در پنجره دفتر مرکزی باز کنید و از دکمه «وارد کردن از یک پوشه…» استفاده کنید. هیچ چیز اینجا به معلومات واقعی دست نمی‌زند.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="219" />
            <source>This laptop is enrolled with {org}. Its device fingerprint is {fp}. Save the device card and give it to HQ so they can accept this laptop's bundles.</source>
            <translation>این لپ‌تاپ نزد {org} ثبت‌نام شد. اثر انگشت دستگاه آن {fp} است. کارت دستگاه را ذخیره کنید و به دفتر مرکزی بدهید تا بسته‌های این لپ‌تاپ را بپذیرد.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="224" />
            <source>The encrypted store is ready. Enroll with HQ later from the provisioning file to send records.</source>
            <translation>انبار رمزگذاری‌شده آماده است. برای ارسال پرونده‌ها بعداً با فایل تنظیمات نزد دفتر مرکزی ثبت‌نام کنید.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="229" />
            <source>Setup failed: {reason}</source>
            <translation>آماده‌سازی ناموفق بود: {reason}</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="236" />
            <source>Save device card</source>
            <translation>ذخیرهٔ کارت دستگاه</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="256" />
            <source>Device card saved to {name}</source>
            <translation>کارت دستگاه در {name} ذخیره شد</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../wizard.py" line="269" />
            <source>Set up Intake</source>
            <translation>آماده‌سازی برنامه</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="286" />
            <source>&amp;Back</source>
            <translation>قبلی</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="287" />
            <source>&amp;Next</source>
            <translation>بعدی</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="288" />
            <source>&amp;Start</source>
            <translation>شروع</translation>
        </message>
    </context>
    <context>
        <name>FormChooser</name>
        <message>
            <location filename="../workspace.py" line="35" />
            <source>New record</source>
            <translation>پروندهٔ جدید</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="37" />
            <source>Form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="46" />
            <source>Which form?</source>
            <translation>کدام فورم؟</translation>
        </message>
    </context>
    <context>
        <name>HQSetupWizard</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="245" />
            <source>Set up Intake HQ</source>
            <translation>راه‌اندازی دفتر مرکزی Intake</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="250" />
            <source>&amp;Back</source>
            <translation>قبلی</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="251" />
            <source>&amp;Next</source>
            <translation>بعدی</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="252" />
            <source>&amp;Finish</source>
            <translation>پایان</translation>
        </message>
    </context>
    <context>
        <name>HQWindow</name>
        <message>
            <location filename="../hq/window.py" line="104" />
            <source>Intake HQ is locked</source>
            <translation>دفتر مرکزی Intake قفل است</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="105" />
            <source>Type the HQ passphrase to open the import desk, devices and records.</source>
            <translation>رمز عبور دفتر مرکزی را برای باز کردن میز ورود، دستگاه‌ها و سوابق بنویسید.</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="113" />
            <source>&amp;Export records…</source>
            <translation>صدور سوابق…</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="116" />
            <source>&amp;Lock</source>
            <translation>قفل</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="116" />
            <source>Lock now (Ctrl+L)</source>
            <translation>همین حالا قفل کن (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="118" />
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="135" />
            <source>Intake HQ</source>
            <translation>دفتر مرکزی Intake</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="136" />
            <source>Intake HQ — locked</source>
            <translation>دفتر مرکزی Intake — قفل</translation>
        </message>
    </context>
    <context>
        <name>HQWorkspace</name>
        <message>
            <location filename="../hq/window.py" line="50" />
            <source>&amp;Import desk</source>
            <translation>میز ورود</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="50" />
            <source>&amp;Devices</source>
            <translation>دستگاه‌ها</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="51" />
            <source>&amp;Records</source>
            <translation>سوابق</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="51" />
            <source>Re&amp;ceipts</source>
            <translation>رسیدها</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="52" />
            <source>C&amp;ases</source>
            <translation>&amp;قضایا</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="52" />
            <source>D&amp;uplicates</source>
            <translation>&amp;تکراری‌ها</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="53" />
            <source>Das&amp;hboard</source>
            <translation>&amp;داشبورد</translation>
        </message>
    </context>
    <context>
        <name>ImportDesk</name>
        <message>
            <location filename="../hq/import_desk.py" line="91" />
            <source>Import from a &amp;folder…</source>
            <translation>وارد کردن از پوشه…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="92" />
            <source>Import from a &amp;USB stick…</source>
            <translation>وارد کردن از فلش USB…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="94" />
            <source>Drop box address (https://…)</source>
            <translation>نشانی صندوق تحویل (https://…)</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="95" />
            <source>Drop box address</source>
            <translation>نشانی صندوق تحویل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="96" />
            <source>Fetch from &amp;drop box</source>
            <translation>دریافت از صندوق تحویل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="97" />
            <source>Choose where the bundles are.</source>
            <translation>انتخاب کنید بسته‌ها کجا هستند.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="99" />
            <source>Import progress</source>
            <translation>پیشرفت ورود</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="102" />
            <source>Verdicts</source>
            <translation>نتیجه‌ها</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Verdict</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Device</source>
            <translation>دستگاه</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Sequence</source>
            <translation>شماره ترتیب</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Records</source>
            <translation>سوابق</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Attachments</source>
            <translation>پیوست‌ها</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Reason or notes</source>
            <translation>دلیل یا یادداشت</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="107" />
            <source>Quarantined bundles</source>
            <translation>بسته‌های قرنطینه‌شده</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="108" />
            <source>Quarantined bundles (refused, kept for inspection)</source>
            <translation>بسته‌های قرنطینه‌شده (رد شده، برای بررسی نگه داشته شده)</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="132" />
            <source>Folder with bundles</source>
            <translation>پوشهٔ حاوی بسته‌ها</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="139" />
            <source>USB stick with bundles</source>
            <translation>فلش USB حاوی بسته‌ها</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="146" />
            <source>No bundles (*.intake) in {folder}.</source>
            <translation>در {folder} بسته‌ای (*.intake) نیست.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="161" />
            <source>Fetching new bundles from the drop box…</source>
            <translation>در حال دریافت بسته‌های جدید از صندوق تحویل…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="177" />
            <source>The drop box has no new bundles.</source>
            <translation>صندوق تحویل بستهٔ جدیدی ندارد.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="181" />
            <source>Drop box: {error}</source>
            <translation>صندوق تحویل: {error}</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="199" />
            <source>Done: {ok} imported, {dup} already here, {bad} refused.</source>
            <translation>تمام شد: {ok} وارد شد، {dup} از قبل بود، {bad} رد شد.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="208" />
            <source>Importing {name} ({n} of {total})…</source>
            <translation>در حال وارد کردن {name} ({n} از {total})…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="247" />
            <source>Imported</source>
            <translation>وارد شد</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="247" />
            <source>Already imported</source>
            <translation>از قبل وارد شده</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="248" />
            <source>Refused</source>
            <translation>رد شد</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="258" />
            <source>{reason} (quarantined)</source>
            <translation>{reason} (قرنطینه شد)</translation>
        </message>
    </context>
    <context>
        <name>KeysPage</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="100" />
            <source>HQ keys</source>
            <translation>کلیدهای دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="103" />
            <source>&amp;Write provisioning file…</source>
            <translation>نوشتن فایل تنظیمات…</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="108" />
            <source>Number of shares</source>
            <translation>تعداد سهم‌ها</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="112" />
            <source>Shares needed to restore</source>
            <translation>سهم‌های لازم برای بازیابی</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="113" />
            <source>Make &amp;backup shares</source>
            <translation>ساختن سهم‌های پشتیبان</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="118" />
            <source>Backup shares</source>
            <translation>سهم‌های پشتیبان</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="120" />
            <source>Shares:</source>
            <translation>سهم‌ها:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="122" />
            <source>needed to restore:</source>
            <translation>لازم برای بازیابی:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="127" />
            <source>Optional: backup shares restore HQ's keys if this computer is lost. Write each share on paper and give them to different trusted people; they are shown once and never saved.</source>
            <translation>اختیاری: اگر این کمپیوتر گم شود، سهم‌های پشتیبان کلیدهای دفتر مرکزی را بازیابی می‌کنند. هر سهم را روی کاغذ بنویسید و به افراد مطمئن مختلف بدهید؛ فقط یک بار نشان داده می‌شوند و هرگز ذخیره نمی‌شوند.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="150" />
            <source>Creating the HQ profile and its keys… this takes a few seconds.</source>
            <translation>ساختن پروفایل دفتر مرکزی و کلیدهای آن… چند ثانیه طول می‌کشد.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="171" />
            <source>The HQ profile is ready. Read this fingerprint to each field laptop's user when they enroll: it proves the provisioning file came from this HQ.</source>
            <translation>پروفایل دفتر مرکزی آماده است. هنگام ثبت هر لپ‌تاپ ساحوی، این اثر انگشت را برای کاربر آن بخوانید: ثابت می‌کند فایل تنظیمات از همین دفتر مرکزی آمده است.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="179" />
            <source>Setup failed: {reason}</source>
            <translation>راه‌اندازی ناکام شد: {reason}</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="187" />
            <source>Folder for the provisioning file</source>
            <translation>پوشه برای فایل تنظیمات</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="203" />
            <source>Wrote {path}. Give it to each field laptop (with the fingerprint above).</source>
            <translation>{path} نوشته شد. آن را (با اثر انگشت بالا) به هر لپ‌تاپ ساحوی بدهید.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="211" />
            <source>The shares needed cannot be more than the shares made.</source>
            <translation>سهم‌های لازم نمی‌توانند بیشتر از سهم‌های ساخته‌شده باشند.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="222" />
            <source>Share {i} of {n}:</source>
            <translation>سهم {i} از {n}:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="65" />
            <source>&amp;New record</source>
            <translation>پروندهٔ جدید</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="68" />
            <source>&amp;Export for HQ…</source>
            <translation>ارسال برای دفتر مرکزی…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="71" />
            <source>Import rece&amp;ipt…</source>
            <translation>وارد کردن رسید…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="73" />
            <source>Se&amp;ttings…</source>
            <translation>تنظیمات…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="76" />
            <source>&amp;Lock</source>
            <translation>قفل</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="76" />
            <source>Lock now (Ctrl+L)</source>
            <translation>همین حالا قفل کن (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="77" />
            <source>Panic: erase</source>
            <translation>پاک کردن اضطراری</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="80" />
            <source>Erase everything on this laptop now and close the app ({keys})</source>
            <translation>همین حالا همه چیز را روی این لپ‌تاپ پاک کن و برنامه را ببند ({keys})</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="102" />
            <source>Intake</source>
            <translation>ثبت مصاحبه</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="102" />
            <source>Intake — locked</source>
            <translation>ثبت مصاحبه — قفل است</translation>
        </message>
        <message numerus="yes">
            <location filename="../main_window.py" line="173" />
            <source>Locking in %n second(s) because nothing was typed. Press any key or move the mouse to stay unlocked.</source>
            <translation>
                <numerusform>چون چیزی تایپ نشد، تا %Ln ثانیه دیگر قفل می‌شود. برای باز ماندن، یک کلید را فشار دهید یا ماوس را حرکت دهید.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <location filename="../unlock_notices.py" line="46" />
            <source>&amp;Delete old drafts…</source>
            <translation>حذف پیش‌نویس‌های کهنه…</translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="48" />
            <source>Dismiss</source>
            <translation>بستن</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="70" />
            <source>%n wrong passphrase(s) were typed since this laptop was last unlocked. If that was not you, someone may have tried to open it.</source>
            <translation>
                <numerusform>از آخرین باری که قفل این لپ‌تاپ باز شد، %Ln بار رمز عبور نادرست وارد شده است. اگر این کار شما نبوده، ممکن است کسی تلاش کرده باشد آن را باز کند.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="75" />
            <source>The protection settings file had been removed or changed and was put back. Someone may have tried to reset the wrong-passphrase counter.</source>
            <translation>فایل تنظیمات محافظت حذف یا تغییر داده شده بود و دوباره سر جایش گذاشته شد. ممکن است کسی تلاش کرده باشد شمار رمزهای عبور نادرست را صفر کند.</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="83" />
            <source>%n draft(s) have not been saved for more than {days} days. Old drafts put people at risk if the laptop is taken: finish them or delete them.</source>
            <translation>
                <numerusform>%Ln پیش‌نویس بیش از {days} روز است که ذخیره نشده است. اگر لپ‌تاپ به دست کسی بیفتد، پیش‌نویس‌های کهنه افراد را در خطر می‌اندازند: آن‌ها را تکمیل یا حذف کنید.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="91" />
            <source>Delete old drafts</source>
            <translation>حذف پیش‌نویس‌های کهنه</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="92" />
            <source>Delete %n old draft(s) for good? They cannot be recovered.</source>
            <translation>
                <numerusform>%Ln پیش‌نویس کهنه برای همیشه حذف شود؟ دیگر بازیابی نمی‌شود.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="105" />
            <source>%n old draft(s) deleted.</source>
            <translation>
                <numerusform>%Ln پیش‌نویس کهنه حذف شد.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutboxView</name>
        <message>
            <location filename="../outbox_view.py" line="36" />
            <source>Sealed bundles wait here until HQ confirms them with a signed receipt. Only HQ can open them.</source>
            <translation>بسته‌های مهر و موم‌شده اینجا می‌مانند تا دفتر مرکزی با رسید امضاشده آن‌ها را تأیید کند. فقط دفتر مرکزی می‌تواند آن‌ها را باز کند.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="39" />
            <source>Sealed bundles</source>
            <translation>بسته‌های مهر و موم‌شده</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Bundle</source>
            <translation>بسته</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Sealed</source>
            <translation>مهر و موم‌شده</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Size</source>
            <translation>اندازه</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="42" />
            <source>Records</source>
            <translation>پرونده‌ها</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="42" />
            <source>Delivery</source>
            <translation>تحویل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="54" />
            <source>&amp;Import HQ receipt…</source>
            <translation>وارد کردن رسید دفتر مرکزی…</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="55" />
            <source>Import HQ receipt</source>
            <translation>وارد کردن رسید دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="78" />
            <source>Waiting for HQ</source>
            <translation>در انتظار دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="78" />
            <source>Delivered</source>
            <translation>تحویل شد</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="79" />
            <source>Abandoned</source>
            <translation>رها شده</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="96" />
            <source>HQ receipt</source>
            <translation>رسید دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="97" />
            <source>Receipts (*.sig *.receipt *.rcpt);;All files (*)</source>
            <translation>رسیدها (*.sig *.receipt *.rcpt);;همه فایل‌ها (*)</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="104" />
            <source>Checking the receipt…</source>
            <translation>بررسی رسید…</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="114" />
            <source>Receipt accepted.</source>
            <translation>رسید پذیرفته شد.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="116" />
            <source>Delivered: bundle(s) {seqs}.</source>
            <translation>تحویل شد: بسته(های) {seqs}.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="119" />
            <source>Already confirmed before: {seqs}.</source>
            <translation>قبلاً تأیید شده: {seqs}.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="122" />
            <source>Not from this laptop's outbox: {seqs}.</source>
            <translation>از صندوق ارسال این لپ‌تاپ نیست: {seqs}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../outbox_view.py" line="124" />
            <source>%n record(s) removed from this laptop.</source>
            <translation>
                <numerusform>%Ln پرونده از این لپ‌تاپ پاک شد.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="132" />
            <source>Receipt refused: {reason}</source>
            <translation>رسید رد شد: {reason}</translation>
        </message>
    </context>
    <context>
        <name>PanicConfirm</name>
        <message>
            <location filename="../panic_ui.py" line="71" />
            <source>Erase everything</source>
            <translation>پاک کردن همه چیز</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="72" />
            <source>Erase everything on this laptop now?</source>
            <translation>همین حالا همه چیز روی این لپ‌تاپ پاک شود؟</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="74" />
            <source>The records can never be opened again, not even with the passphrase. The app closes.

Enter: erase. Escape: cancel.</source>
            <translation>پرونده‌ها دیگر هرگز باز نمی‌شوند، حتی با رمز عبور. برنامه بسته می‌شود.

برای پاک کردن Enter و برای لغو Escape را بزنید.</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="77" />
            <source>&amp;Erase now</source>
            <translation>همین حالا پاک کن</translation>
        </message>
    </context>
    <context>
        <name>PassphraseFields</name>
        <message>
            <location filename="../passphrase.py" line="73" />
            <source>New passphrase</source>
            <translation>رمز عبور جدید</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="76" />
            <source>Repeat the passphrase</source>
            <translation>تکرار رمز عبور</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="80" />
            <source>Passphrase strength</source>
            <translation>قدرت رمز عبور</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="83" />
            <source>Show passphrase</source>
            <translation>نمایش رمز عبور</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="86" />
            <source>&amp;New passphrase:</source>
            <translation>رمز عبور جدید:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="88" />
            <source>&amp;Repeat:</source>
            <translation>تکرار:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="92" />
            <source>Strength:</source>
            <translation>قدرت:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="110" />
            <source>Too short or too easy to guess (use at least 8 characters; several words are best)</source>
            <translation>خیلی کوتاه یا آسان برای حدس زدن (دست‌کم ۸ نویسه؛ چند کلمه بهتر است)</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="112" />
            <source>Weak</source>
            <translation>ضعیف</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="113" />
            <source>Fair</source>
            <translation>متوسط</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="114" />
            <source>Strong</source>
            <translation>قوی</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="115" />
            <source>Very strong</source>
            <translation>بسیار قوی</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="124" />
            <source>The two passphrases do not match.</source>
            <translation>دو رمز عبور یکسان نیستند.</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <location filename="../wizard.py" line="102" />
            <source>Choose a passphrase</source>
            <translation>یک رمز عبور انتخاب کنید</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="103" />
            <source>It protects every record on this laptop. Several unrelated words are easy to remember and hard to guess. There is no way to recover it if it is forgotten.</source>
            <translation>این رمز از همهٔ پرونده‌های این لپ‌تاپ محافظت می‌کند. چند کلمهٔ بی‌ربط به خاطر سپردنشان آسان و حدس زدنشان سخت است. اگر فراموش شود، هیچ راهی برای بازیابی آن نیست.</translation>
        </message>
    </context>
    <context>
        <name>ProfilePage</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="43" />
            <source>Create the HQ profile</source>
            <translation>ساختن پروفایل دفتر مرکزی</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="45" />
            <source>This computer will hold HQ's keys and every record the laptops send. The passphrase protects them; there is no way to recover it if it is forgotten.</source>
            <translation>این کمپیوتر کلیدهای دفتر مرکزی و هر ریکاردی را که لپ‌تاپ‌ها می‌فرستند نگه می‌دارد. رمز از آن‌ها محافظت می‌کند؛ اگر فراموش شود راهی برای بازیابی آن نیست.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="48" />
            <source>Organisation name</source>
            <translation>نام سازمان</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="49" />
            <source>As field staff know it</source>
            <translation>همان‌طور که کارمندان ساحوی می‌شناسند</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="55" />
            <source>Use a &amp;team database…</source>
            <translation>استفاده از پایگاه دادهٔ &amp;تیمی…</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="56" />
            <source>Keep them on this &amp;computer</source>
            <translation>نگهداری در همین &amp;کمپیوتر</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="62" />
            <source>Organisation name:</source>
            <translation>نام سازمان:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="63" />
            <source>Records and cases:</source>
            <translation>ثبت‌ها و پرونده‌ها:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="89" />
            <source>On this computer, in the encrypted profile.</source>
            <translation>در همین کمپیوتر، در پروفایل رمزگذاری‌شده.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="90" />
            <source>In the team database {url}</source>
            <translation>در پایگاه دادهٔ تیمی {url}</translation>
        </message>
    </context>
    <context>
        <name>ProtectionPage</name>
        <message>
            <location filename="../protect_settings.py" line="43" />
            <source>Never</source>
            <translation>هرگز</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="45" />
            <source>Erase after this many wrong passphrases</source>
            <translation>پاک کردن پس از این تعداد رمز عبور نادرست</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="47" />
            <source>Erase them too</source>
            <translation>آن‌ها هم پاک شوند</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="48" />
            <source>Keep them (only HQ can open them)</source>
            <translation>نگه داشته شوند (فقط دفتر مرکزی می‌تواند آن‌ها را باز کند)</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="50" />
            <source>Sealed bundles when erasing</source>
            <translation>بسته‌های مهر و موم‌شده هنگام پاک کردن</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="54" />
            <source> s</source>
            <translation> ثانیه</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="55" />
            <source>Clear copied text after seconds</source>
            <translation>پاک کردن متن کاپی‌شده پس از چند ثانیه</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="56" />
            <source>Erasing</source>
            <translation>پاک کردن</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="58" />
            <source>&amp;Erase everything after this many wrong passphrases:</source>
            <translation>پاک کردن همه چیز پس از این تعداد رمز عبور نادرست:</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="60" />
            <source>Sealed &amp;bundles in the outbox, on panic or erase:</source>
            <translation>بسته‌های مهر و موم‌شدهٔ صندوق ارسال، هنگام پاک کردن (اضطراری یا خودکار):</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="62" />
            <source>Clear &amp;copied text after (seconds):</source>
            <translation>پاک کردن متن کاپی‌شده پس از (ثانیه):</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="63" />
            <source>Panic: Ctrl+Shift+Delete on any screen, or the red button. It erases at once and closes the app.</source>
            <translation>پاک کردن اضطراری: در هر صفحه Ctrl+Shift+Delete، یا دکمهٔ سرخ. فوراً همه چیز را پاک می‌کند و برنامه را می‌بندد.</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="68" />
            <source>&amp;When it is used, first erase the real records (silently)</source>
            <translation>هنگام استفاده از آن، اول پرونده‌های واقعی را (بی‌صدا) پاک کن</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="70" />
            <source>Set duress passphrase</source>
            <translation>تعیین رمز عبور زیر فشار</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="71" />
            <source>Remove any duress passphrase</source>
            <translation>حذف رمز عبور زیر فشار (اگر باشد)</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="74" />
            <source>A second passphrase to give if you are forced to open the app. It opens a harmless practice profile instead of your records. The app never shows whether one is set.</source>
            <translation>یک رمز عبور دوم، برای وقتی که شما را مجبور کنند برنامه را باز کنید. این رمز به جای پرونده‌های شما یک پروفایل تمرینی بی‌خطر را باز می‌کند. برنامه هرگز نشان نمی‌دهد که چنین رمزی تعیین شده است یا نه.</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="77" />
            <source>Duress passphrase</source>
            <translation>رمز عبور زیر فشار</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="110" />
            <source>Setting the duress passphrase…</source>
            <translation>در حال تعیین رمز عبور زیر فشار…</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="114" />
            <source>Duress passphrase set. Never write it next to your passphrase.</source>
            <translation>رمز عبور زیر فشار تعیین شد. هرگز آن را کنار رمز عبور اصلی خود ننویسید.</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="120" />
            <source>Removing…</source>
            <translation>در حال حذف…</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="123" />
            <source>No duress passphrase is set now.</source>
            <translation>اکنون هیچ رمز عبور زیر فشار تعیین نشده است.</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="../qt_texts.py" line="17" />
            <source>OK</source>
            <translation>تأیید</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="18" />
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="19" />
            <source>&amp;Yes</source>
            <translation>بله</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="20" />
            <source>&amp;No</source>
            <translation>نخیر</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="21" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="22" />
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="23" />
            <source>Discard</source>
            <translation>دور انداختن</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="24" />
            <source>Apply</source>
            <translation>اعمال</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="25" />
            <source>Open</source>
            <translation>باز کردن</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="26" />
            <source>Retry</source>
            <translation>تلاش دوباره</translation>
        </message>
    </context>
    <context>
        <name>ReceiptsView</name>
        <message>
            <location filename="../hq/receipts_view.py" line="40" />
            <source>A receipt tells a laptop which of its bundles HQ holds, so it can mark them delivered. Receipts hold no record content.</source>
            <translation>رسید به لپ‌تاپ می‌گوید کدام بسته‌هایش نزد دفتر مرکزی است تا آن‌ها را تحویل‌شده علامت بزند. رسیدها هیچ محتوای سوابق ندارند.</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="43" />
            <source>Bundles received per device</source>
            <translation>بسته‌های دریافتی هر دستگاه</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="44" />
            <source>Device</source>
            <translation>دستگاه</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="44" />
            <source>Bundles received</source>
            <translation>بسته‌های دریافت‌شده</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="45" />
            <source>Through sequence</source>
            <translation>تا شماره</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="46" />
            <source>&amp;Write receipts to a folder…</source>
            <translation>نوشتن رسیدها در یک پوشه…</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="48" />
            <source>Drop box address (https://…)</source>
            <translation>نشانی صندوق تحویل (https://…)</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="49" />
            <source>Drop box address</source>
            <translation>نشانی صندوق تحویل</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="50" />
            <source>&amp;Publish to drop box</source>
            <translation>انتشار در صندوق تحویل</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="80" />
            <source>No bundles imported yet: nothing to acknowledge.</source>
            <translation>هنوز بسته‌ای وارد نشده: چیزی برای تأیید نیست.</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="83" />
            <source>Folder for the receipts</source>
            <translation>پوشه برای رسیدها</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/receipts_view.py" line="104" />
            <source>Wrote %n receipt(s) to {folder}.</source>
            <translation>
                <numerusform>%Ln رسید در {folder} نوشته شد.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/receipts_view.py" line="116" />
            <source>Published %n receipt(s).</source>
            <translation>
                <numerusform>%Ln رسید منتشر شد.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordEditor</name>
        <message>
            <location filename="../editor/editor.py" line="85" />
            <source>Form language</source>
            <translation>زبان فورم</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="91" />
            <source>Form language:</source>
            <translation>زبان فورم:</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="95" />
            <source>Sections</source>
            <translation>بخش‌ها</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="108" />
            <source>&amp;Previous</source>
            <translation>قبلی</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="109" />
            <source>Ne&amp;xt</source>
            <translation>بعدی</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="110" />
            <location filename="../editor/editor.py" line="462" />
            <source>&amp;Save draft</source>
            <translation>ذخیرهٔ پیش‌نویس</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="111" />
            <source>Save the answers so far (Ctrl+S)</source>
            <translation>ذخیرهٔ پاسخ‌ها تا اینجا (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="112" />
            <source>&amp;Finalize…</source>
            <translation>نهایی کردن…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="113" />
            <source>Re&amp;view answers</source>
            <translation>مرور پاسخ‌ها</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="114" />
            <source>Every answer on one page, before finalizing</source>
            <translation>همه پاسخ‌ها در یک صفحه، پیش از نهایی کردن</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="115" />
            <source>&amp;Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="200" />
            <location filename="../editor/editor.py" line="201" />
            <location filename="../editor/editor.py" line="230" />
            <source>General</source>
            <translation>عمومی</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="381" />
            <source>{section} — {question}: {message}</source>
            <translation>{section} — {question}: {message}</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="463" />
            <source>&amp;Save changes</source>
            <translation>ذخیرهٔ تغییرات</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="490" />
            <source>Finalize record</source>
            <translation>نهایی کردن پرونده</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="491" />
            <source>Finalize this record? It will be ready to send to HQ. Check the answers with the person first.</source>
            <translation>این پرونده نهایی شود؟ برای ارسال به دفتر مرکزی آماده می‌شود. اول پاسخ‌ها را با شخص بررسی کنید.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="510" />
            <source>Saving…</source>
            <translation>در حال ذخیره…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="531" />
            <source>Record finalized at {time}.</source>
            <translation>پرونده در {time} نهایی شد.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="534" />
            <source>Saved at {time}.</source>
            <translation>در {time} ذخیره شد.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="550" />
            <source>Not saved: {reason}</source>
            <translation>ذخیره نشد: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/editor.py" line="573" />
            <source>Not saved: %n answer(s) need attention (marked in red).</source>
            <translation>
                <numerusform>ذخیره نشد: %Ln پاسخ نیاز به توجه دارد (با رنگ سرخ).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="580" />
            <source>Close record</source>
            <translation>بستن پرونده</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="581" />
            <source>Close without saving? The answers since the last save will be lost.</source>
            <translation>بدون ذخیره بسته شود؟ پاسخ‌های بعد از آخرین ذخیره از بین می‌روند.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="118" />
            <source>Save state</source>
            <translation>وضعیت ذخیره</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="170" />
            <source>All changes saved.</source>
            <translation>همه تغییرات ذخیره شد.</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/editor.py" line="569" />
            <source>Draft saved; %n answer(s) needed before finalizing (marked in red).</source>
            <translation>
                <numerusform>پیش‌نویس ذخیره شد؛ پیش از نهایی ساختن %Ln پاسخ لازم است (با رنگ سرخ نشانی شده).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordView</name>
        <message>
            <location filename="../hq/record_view.py" line="50" />
            <source>Open a record from the list.</source>
            <translation>یک سابقه را از فهرست باز کنید.</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="52" />
            <source>Answers</source>
            <translation>پاسخ‌ها</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="54" />
            <source>Question</source>
            <translation>پرسش</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="54" />
            <source>Answer</source>
            <translation>پاسخ</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="58" />
            <location filename="../hq/record_view.py" line="74" />
            <source>Attachments</source>
            <translation>پیوست‌ها</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="59" />
            <source>Attachment</source>
            <translation>پیوست</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="59" />
            <source>Type</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="60" />
            <source>Size</source>
            <translation>اندازه</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="62" />
            <source>&amp;Open</source>
            <translation>باز کردن</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="63" />
            <source>Photos and audio open in memory</source>
            <translation>عکس‌ها و صداها در حافظه باز می‌شوند</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="64" />
            <source>&amp;Save as…</source>
            <translation>ذخیره به نام…</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="65" />
            <source>Writes an unencrypted copy where you choose</source>
            <translation>یک نسخهٔ رمزگذاری‌نشده در جایی که انتخاب می‌کنید می‌نویسد</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="97" />
            <source>Opening…</source>
            <translation>در حال باز کردن…</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="106" />
            <source>Record {id} · {form} · revision {rev} · updated {when}</source>
            <translation>سابقه {id} · {form} · ویرایش {rev} · به‌روزشده {when}</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="170" />
            <source>Save attachment</source>
            <translation>ذخیرهٔ پیوست</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="171" />
            <source>The copy you save is NOT encrypted: it leaves the protected store. Keep it on an encrypted disk and delete it when done. Save {name}?</source>
            <translation>نسخه‌ای که ذخیره می‌کنید رمزگذاری نشده است: از انبار محافظت‌شده بیرون می‌رود. آن را روی دیسک رمزگذاری‌شده نگه دارید و پس از کار پاک کنید. {name} ذخیره شود؟</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="175" />
            <source>Save attachment as</source>
            <translation>ذخیرهٔ پیوست به نام</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="185" />
            <source>Saved an unencrypted copy to {path}.</source>
            <translation>یک نسخهٔ رمزگذاری‌نشده در {path} ذخیره شد.</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="217" />
            <source>Row {n}</source>
            <translation>ردیف {n}</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="232" />
            <source>Yes</source>
            <translation>بلی</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="233" />
            <source>No</source>
            <translation>نخیر</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Record</source>
            <translation>پرونده</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Updated</source>
            <translation>به‌روزرسانی</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Interview date</source>
            <translation>تاریخ مصاحبه</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="90" />
            <source>Draft</source>
            <translation>پیش‌نویس</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="91" />
            <source>Finalized</source>
            <translation>نهایی</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="92" />
            <source>Sealed</source>
            <translation>مهر و موم‌شده</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="93" />
            <source>Delivered</source>
            <translation>تحویل شد</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="94" />
            <source>Received</source>
            <translation>دریافت‌شده</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="130" />
            <source>Record {id}</source>
            <translation>پرونده {id}</translation>
        </message>
    </context>
    <context>
        <name>RecordsView</name>
        <message>
            <location filename="../records_view.py" line="256" />
            <source>Search records…</source>
            <translation>جستجوی پرونده‌ها…</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="257" />
            <source>Search records</source>
            <translation>جستجوی پرونده‌ها</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="260" />
            <source>Filter by status</source>
            <translation>فیلتر بر اساس وضعیت</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="261" />
            <source>All statuses</source>
            <translation>همه وضعیت‌ها</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="265" />
            <source>Filter by form</source>
            <translation>فیلتر بر اساس فورم</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="266" />
            <source>All forms</source>
            <translation>همه فورم‌ها</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="270" />
            <source>Number of records</source>
            <translation>تعداد پرونده‌ها</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="273" />
            <source>Records</source>
            <translation>پرونده‌ها</translation>
        </message>
        <message numerus="yes">
            <location filename="../records_view.py" line="349" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%Ln مورد پیدا شد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../records_view.py" line="351" />
            <source>%n record(s)</source>
            <translation>
                <numerusform>%Ln پرونده</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../records_view.py" line="355" />
            <source>Loading…</source>
            <translation>در حال بارگذاری…</translation>
        </message>
    </context>
    <context>
        <name>RepeatRow</name>
        <message>
            <location filename="../editor/repeat.py" line="34" />
            <source>Remove row</source>
            <translation>حذف ردیف</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="48" />
            <source>Remove row {n}</source>
            <translation>حذف ردیف {n}</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="47" />
            <source>{name} {n}</source>
            <translation>{name} {n}</translation>
        </message>
    </context>
    <context>
        <name>RepeatWidget</name>
        <message>
            <location filename="../editor/repeat.py" line="71" />
            <source>Add a row to {name}</source>
            <translation>افزودن ردیف به {name}</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="69" />
            <source>Add to {name}</source>
            <translation>افزودن به {name}</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../editor/review.py" line="95" />
            <source>Review the answers</source>
            <translation>مرور پاسخ‌ها</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="101" />
            <source>All answers</source>
            <translation>همه پاسخ‌ها</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="104" />
            <source>&amp;Back to the form</source>
            <translation>بازگشت به فورم</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="105" />
            <source>&amp;Finalize…</source>
            <translation>نهایی کردن…</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="134" />
            <source>Yes</source>
            <translation>بلی</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="134" />
            <source>No</source>
            <translation>نخیر</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="148" />
            <source>Edit</source>
            <translation>ویرایش</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="149" />
            <source>Not answered</source>
            <translation>پاسخ داده نشده</translation>
        </message>
    </context>
    <context>
        <name>SealPage</name>
        <message>
            <location filename="../export_view.py" line="189" />
            <source>Sealing</source>
            <translation>در حال مهر و موم</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="190" />
            <source>The finalized records are being encrypted for HQ.</source>
            <translation>پرونده‌های نهایی برای دفتر مرکزی رمزگذاری می‌شوند.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="192" />
            <source>Sealing progress</source>
            <translation>پیشرفت مهر و موم</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="194" />
            <source>&amp;Cancel sealing</source>
            <translation>لغو مهر و موم</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="208" />
            <source>Preparing…</source>
            <translation>در حال آماده‌سازی…</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="231" />
            <source>Sealed {done} of {total}.</source>
            <translation>{done} از {total} مهر و موم شد.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="238" />
            <source>Cancelling…</source>
            <translation>در حال لغو…</translation>
        </message>
    </context>
    <context>
        <name>SendPanel</name>
        <message>
            <location filename="../send_panel.py" line="27" />
            <source>&amp;Send now</source>
            <translation>همین حالا بفرست</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="28" />
            <source>Send now</source>
            <translation>همین حالا بفرست</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="30" />
            <source>Send the bundles waiting for HQ to the drop box, then collect HQ's receipt</source>
            <translation>بسته‌هایی را که در انتظار دفتر مرکزی هستند به صندوق تحویل بفرست، سپس رسید دفتر مرکزی را بگیر</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="33" />
            <source>Sending progress</source>
            <translation>پیشرفت فرستادن</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="74" />
            <source>Sending over the network is not set up (Settings, Sending).</source>
            <translation>فرستادن از راه انترنت تنظیم نشده است (تنظیمات، فرستادن).</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="83" />
            <source>Connecting to the drop box…</source>
            <translation>در حال وصل شدن به صندوق تحویل…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="85" />
            <source>Sending bundle {i} of {n} ({done} of {total})…</source>
            <translation>در حال فرستادن بستهٔ {i} از {n} ({done} از {total})…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="89" />
            <source>Collecting HQ's receipt…</source>
            <translation>در حال گرفتن رسید دفتر مرکزی…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="91" />
            <source>Last attempt at {time}.</source>
            <translation>آخرین تلاش در {time}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="94" />
            <source>%n bundle(s) sent.</source>
            <translation>
                <numerusform>%Ln بسته فرستاده شد.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="96" />
            <source>%n already at the drop box.</source>
            <translation>
                <numerusform>%Ln بسته از قبل در صندوق تحویل بود.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="98" />
            <source>%n refused by the drop box.</source>
            <translation>
                <numerusform>صندوق تحویل %Ln بسته را رد کرد.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="100" />
            <source>HQ confirmed %n bundle(s).</source>
            <translation>
                <numerusform>دفتر مرکزی %Ln بسته را تأیید کرد.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="103" />
            <source>HQ's receipt was refused: {reason}</source>
            <translation>رسید دفتر مرکزی رد شد: {reason}</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="107" />
            <source>The drop box cannot be reached.</source>
            <translation>صندوق تحویل در دسترس نیست.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="108" />
            <source>Next try at {time}.</source>
            <translation>تلاش بعدی در {time}.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="111" />
            <source>The drop box cannot be reached. Nothing was lost: try again later.</source>
            <translation>صندوق تحویل در دسترس نیست. چیزی از بین نرفت: بعداً دوباره تلاش کنید.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="114" />
            <source>Sending failed: {reason}</source>
            <translation>فرستادن ناموفق بود: {reason}</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="116" />
            <source>Background sending is on.</source>
            <translation>فرستادن در پس‌زمینه روشن است.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="118" />
            <source>Ready to send. Bundles stay on this laptop until HQ's receipt confirms them.</source>
            <translation>آمادهٔ فرستادن. بسته‌ها تا وقتی رسید دفتر مرکزی آن‌ها را تأیید کند، روی این لپ‌تاپ می‌مانند.</translation>
        </message>
    </context>
    <context>
        <name>SendingPage</name>
        <message>
            <location filename="../sending_settings.py" line="24" />
            <source>Drop box address</source>
            <translation>نشانی صندوق تحویل</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="27" />
            <source>SOCKS5 proxy</source>
            <translation>پراکسی SOCKS5</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="31" />
            <source>Send in the &amp;background when the drop box can be reached</source>
            <translation>هر وقت صندوق تحویل در دسترس بود، در پس‌زمینه بفرست</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="38" />
            <source>HQ gives you the drop box address. With Tor running, use the proxy socks5://127.0.0.1:9050: every connection then goes through it. Bundles stay on this laptop until HQ's receipt confirms them.</source>
            <translation>نشانی صندوق تحویل را دفتر مرکزی به شما می‌دهد. اگر Tor روشن است، پراکسی socks5://127.0.0.1:9050 را به کار ببرید: آنگاه همهٔ اتصال‌ها از راه آن می‌گذرند. بسته‌ها تا وقتی رسید دفتر مرکزی آن‌ها را تأیید کند، روی این لپ‌تاپ می‌مانند.</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="42" />
            <source>&amp;Drop box address:</source>
            <translation>نشانی صندوق تحویل:</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="43" />
            <source>SOCKS5 pro&amp;xy (optional):</source>
            <translation>پراکسی SOCKS5 (اختیاری):</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../settings.py" line="57" />
            <source>Settings</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <location filename="../settings.py" line="63" />
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <location filename="../settings.py" line="67" />
            <source>Lock after minutes without use</source>
            <translation>قفل پس از چند دقیقه بی‌استفادگی</translation>
        </message>
        <message>
            <location filename="../settings.py" line="70" />
            <source> min</source>
            <translation> دقیقه</translation>
        </message>
        <message>
            <location filename="../settings.py" line="71" />
            <source>General</source>
            <translation>عمومی</translation>
        </message>
        <message>
            <location filename="../settings.py" line="73" />
            <source>&amp;Language:</source>
            <translation>زبان:</translation>
        </message>
        <message>
            <location filename="../settings.py" line="74" />
            <source>Loc&amp;k after (minutes without use):</source>
            <translation>قفل پس از (دقیقه بی‌استفادگی):</translation>
        </message>
        <message>
            <location filename="../settings.py" line="75" />
            <source>HQ's policy allows at most {n} minutes.</source>
            <translation>سیاست دفتر مرکزی حداکثر {n} دقیقه را اجازه می‌دهد.</translation>
        </message>
        <message>
            <location filename="../settings.py" line="80" />
            <source>Current passphrase</source>
            <translation>رمز عبور فعلی</translation>
        </message>
        <message>
            <location filename="../settings.py" line="82" />
            <source>&amp;Change passphrase</source>
            <translation>تغییر رمز عبور</translation>
        </message>
        <message>
            <location filename="../settings.py" line="84" />
            <source>Passphrase</source>
            <translation>رمز عبور</translation>
        </message>
        <message>
            <location filename="../settings.py" line="86" />
            <source>C&amp;urrent passphrase:</source>
            <translation>رمز عبور فعلی:</translation>
        </message>
        <message>
            <location filename="../settings.py" line="93" />
            <source>Not enrolled with HQ yet.</source>
            <translation>هنوز نزد دفتر مرکزی ثبت‌نام نشده.</translation>
        </message>
        <message>
            <location filename="../settings.py" line="101" />
            <source>Device fingerprint</source>
            <translation>اثر انگشت دستگاه</translation>
        </message>
        <message>
            <location filename="../settings.py" line="102" />
            <source>This laptop</source>
            <translation>این لپ‌تاپ</translation>
        </message>
        <message>
            <location filename="../settings.py" line="104" />
            <source>Device fingerprint (HQ may ask you to read it out):</source>
            <translation>اثر انگشت دستگاه (ممکن است دفتر مرکزی از شما بخواهد آن را بخوانید):</translation>
        </message>
        <message>
            <location filename="../settings.py" line="120" />
            <source>&amp;General</source>
            <translation>عمومی</translation>
        </message>
        <message>
            <location filename="../settings.py" line="121" />
            <source>&amp;Protection</source>
            <translation>محافظت</translation>
        </message>
        <message>
            <location filename="../settings.py" line="122" />
            <source>Send&amp;ing</source>
            <translation>فرستادن</translation>
        </message>
        <message>
            <location filename="../settings.py" line="150" />
            <source>Changing the passphrase…</source>
            <translation>در حال تغییر رمز عبور…</translation>
        </message>
        <message>
            <location filename="../settings.py" line="157" />
            <source>Passphrase changed. Use the new one from now on.</source>
            <translation>رمز عبور تغییر کرد. از این پس رمز جدید را استفاده کنید.</translation>
        </message>
        <message>
            <location filename="../settings.py" line="162" />
            <source>The current passphrase is wrong.</source>
            <translation>رمز عبور فعلی نادرست است.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message numerus="yes">
            <location filename="../export_view.py" line="294" />
            <source>%n sealed volume(s) that never reached a stick were written too.</source>
            <translation>
                <numerusform>%Ln بستهٔ مهر و موم‌شده که هرگز به حافظهٔ USB نرسیده بود نیز نوشته شد.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="265" />
            <source>Done</source>
            <translation>انجام شد</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="280" />
            <source>Cancelled</source>
            <translation>لغو شد</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="281" />
            <source>Sealing was cancelled. Nothing new was written; the records stay finalized.</source>
            <translation>مهر و موم لغو شد. چیز جدیدی نوشته نشد؛ پرونده‌ها نهایی باقی می‌مانند.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="284" />
            <source>Not sealed</source>
            <translation>مهر و موم نشد</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="285" />
            <source>Sealing failed: {reason}</source>
            <translation>مهر و موم ناموفق بود: {reason}</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="290" />
            <source>There was nothing to seal: finalize records first.</source>
            <translation>چیزی برای مهر و موم نبود: اول پرونده‌ها را نهایی کنید.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="292" />
            <source>Sealed</source>
            <translation>مهر و موم‌شده</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_view.py" line="297" />
            <source>%n record(s) sealed, with {att} attachment(s), into {files} file(s) ({size}) in {dest}:</source>
            <translation>
                <numerusform>%Ln پرونده با {att} پیوست در {files} فایل ({size}) در {dest} مهر و موم شد:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="304" />
            <source>Remove the USB stick safely: use “Eject” or “Safely remove” before pulling it out, then hand it over.</source>
            <translation>فلش USB را با احتیاط جدا کنید: پیش از بیرون کشیدن «Eject» یا «Safely remove» را بزنید، سپس آن را تحویل دهید.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="307" />
            <source>If this folder is on a USB stick, eject it safely before pulling it out.</source>
            <translation>اگر این پوشه روی فلش USB است، پیش از بیرون کشیدن آن را با احتیاط جدا کنید.</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <location filename="../unlock.py" line="32" />
            <source>Intake is locked</source>
            <translation>برنامه قفل است</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="38" />
            <source>Type your passphrase to open your records.</source>
            <translation>برای باز کردن پرونده‌ها رمز عبور خود را بنویسید.</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="42" />
            <location filename="../unlock.py" line="43" />
            <source>Passphrase</source>
            <translation>رمز عبور</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="45" />
            <source>&amp;Unlock</source>
            <translation>باز کردن قفل</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="47" />
            <source>Unlock</source>
            <translation>باز کردن قفل</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="55" />
            <source>Opening</source>
            <translation>در حال باز شدن</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="58" />
            <source>Emergency erase…</source>
            <translation>پاک کردن اضطراری…</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="60" />
            <source>Emergency erase</source>
            <translation>پاک کردن اضطراری</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="62" />
            <source>Erase everything on this laptop now and close the app (Ctrl+Shift+Delete)</source>
            <translation>همین حالا همه چیز را روی این لپ‌تاپ پاک کن و برنامه را ببند (Ctrl+Shift+Delete)</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="103" />
            <source>Type your passphrase first.</source>
            <translation>اول رمز عبور خود را بنویسید.</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="123" />
            <source>Wrong passphrase. Check the keyboard language and Caps Lock, then try again.</source>
            <translation>رمز عبور نادرست است. زبان صفحه‌کلید و Caps Lock را بررسی کنید و دوباره تلاش کنید.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../wizard.py" line="63" />
            <source>Welcome</source>
            <translation>خوش آمدید</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="64" />
            <source>This app keeps interview records encrypted on this laptop and seals them so that only HQ can read them.</source>
            <translation>این برنامه پرونده‌های مصاحبه را به شکل رمزگذاری‌شده روی این لپ‌تاپ نگه می‌دارد و طوری مهر و موم می‌کند که فقط دفتر مرکزی بتواند آن‌ها را بخواند.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="67" />
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="70" />
            <source>&amp;Set up this laptop for field work</source>
            <translation>آماده‌سازی این لپ‌تاپ برای کار میدانی</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="71" />
            <source>&amp;Try a demo first (sample records, kept apart from real data)</source>
            <translation>اول نسخهٔ نمایشی را امتحان کنید (پرونده‌های نمونه، جدا از معلومات واقعی)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="78" />
            <source>&amp;Language:</source>
            <translation>زبان:</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../workspace.py" line="68" />
            <source>&amp;Records</source>
            <translation>پرونده‌ها</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="69" />
            <source>&amp;Outbox</source>
            <translation>صندوق ارسال</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="98" />
            <source>No forms</source>
            <translation>فورمی نیست</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="99" />
            <source>No forms are installed. Enroll with HQ first.</source>
            <translation>هیچ فورمی نصب نیست. اول نزد دفتر مرکزی ثبت‌نام کنید.</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="134" />
            <source>Record sealed</source>
            <translation>پرونده مهر و موم شده</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="135" />
            <source>This record is sealed for HQ. No readable copy is kept on this laptop.</source>
            <translation>این پرونده برای دفتر مرکزی مهر و موم شده است. هیچ نسخهٔ خواندنی روی این لپ‌تاپ نگه داشته نمی‌شود.</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="164" />
            <source>Close record</source>
            <translation>بستن پرونده</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="165" />
            <source>Close without saving? The answers since the last save will be lost.</source>
            <translation>بدون ذخیره بسته شود؟ پاسخ‌های بعد از آخرین ذخیره از بین می‌روند.</translation>
        </message>
    </context>
    <context>
        <name>YesNoField</name>
        <message>
            <location filename="../editor/choice_fields.py" line="195" />
            <source>Yes</source>
            <translation>بلی</translation>
        </message>
        <message>
            <location filename="../editor/choice_fields.py" line="196" />
            <source>No</source>
            <translation>نخیر</translation>
        </message>
    </context>
</TS>
