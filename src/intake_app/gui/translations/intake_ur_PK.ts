<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
    <context>
        <name>AttachmentField</name>
        <message>
            <location filename="../editor/attachment_fields.py" line="66" />
            <location filename="../editor/attachment_fields.py" line="158" />
            <source>No file</source>
            <translation>کوئی فائل نہیں</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="68" />
            <source>Add file…</source>
            <translation>فائل شامل کریں…</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="69" />
            <source>View</source>
            <translation>دیکھیں</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="70" />
            <source>Remove</source>
            <translation>ہٹائیں</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="86" />
            <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</source>
            <translation>تصاویر (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="88" />
            <source>Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)</source>
            <translation>آڈیو (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="90" />
            <source>Video (*.mp4 *.mov *.mkv *.3gp *.webm)</source>
            <translation>ویڈیو (*.mp4 *.mov *.mkv *.3gp *.webm)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="91" />
            <source>All files (*)</source>
            <translation>تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="95" />
            <source>Add a file</source>
            <translation>ایک فائل شامل کریں</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="174" />
            <source>stored file</source>
            <translation>محفوظ فائل</translation>
        </message>
    </context>
    <context>
        <name>AttachmentViewer</name>
        <message>
            <location filename="../editor/attachment_fields.py" line="189" />
            <source>Attachment</source>
            <translation>منسلکہ</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="197" />
            <source>Photo</source>
            <translation>تصویر</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="202" />
            <source>{name}: {size}. This file type cannot be shown here.</source>
            <translation>{name}: {size}۔ اس قسم کی فائل یہاں نہیں دکھائی جا سکتی۔</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="204" />
            <source>Close</source>
            <translation>بند کریں</translation>
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <location filename="../hq/record_view.py" line="246" />
            <source>Audio</source>
            <translation>آڈیو</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="257" />
            <source>{name}: {size}. This build cannot play audio; use Save as… only if you must.</source>
            <translation>{name}: {size}۔ یہ ورژن آڈیو نہیں چلا سکتا؛ صرف ضرورت ہو تو «اس نام سے محفوظ کریں…» استعمال کریں۔</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="265" />
            <source>&amp;Play</source>
            <translation>چلائیں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="266" />
            <source>S&amp;top</source>
            <translation>روکیں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="272" />
            <source>Close</source>
            <translation>بند کریں</translation>
        </message>
    </context>
    <context>
        <name>AuditorWindow</name>
        <message>
            <location filename="../auditor/window.py" line="74" />
            <source>Intake auditor</source>
            <translation>Intake آڈیٹر</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="77" />
            <source>Open &amp;keyring…</source>
            <translation>کی رنگ کھولیں…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="78" />
            <source>Open HQ &amp;log (optional)…</source>
            <translation>ہیڈ آفس کا لاگ کھولیں (اختیاری)…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="79" />
            <source>&amp;Add bundles…</source>
            <translation>بنڈل شامل کریں…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="80" />
            <source>C&amp;lear bundles</source>
            <translation>بنڈل صاف کریں</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="81" />
            <source>&amp;Save report…</source>
            <translation>رپورٹ محفوظ کریں…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="82" />
            <source>No keyring open. Open the keyring HQ published (keyring.sig).</source>
            <translation>کوئی کی رنگ کھلا نہیں۔ ہیڈ آفس کا شائع کردہ کی رنگ (keyring.sig) کھولیں۔</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="86" />
            <source>No HQ log: bundles are checked on their own.</source>
            <translation>ہیڈ آفس کا لاگ نہیں: بنڈل اکیلے جانچے جاتے ہیں۔</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="87" />
            <source>Drop bundle files (*.intake) or folders here. They are verified, never decrypted: no private key is needed.</source>
            <translation>بنڈل فائلیں (*.intake) یا فولڈر یہاں چھوڑیں۔ ان کی تصدیق ہوتی ہے، کبھی ڈکرپٹ نہیں ہوتیں: نجی کلید کی ضرورت نہیں۔</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="97" />
            <source>Verdicts</source>
            <translation>فیصلے</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>File</source>
            <translation>فائل</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>Verdict</source>
            <translation>فیصلہ</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>Device</source>
            <translation>ڈیوائس</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="99" />
            <source>Sequence</source>
            <translation>ترتیب نمبر</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="99" />
            <source>In HQ's log</source>
            <translation>ہیڈ آفس کے لاگ میں</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="100" />
            <source>Reason or notes</source>
            <translation>وجہ یا نوٹس</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="130" />
            <source>HQ's keyring</source>
            <translation>ہیڈ آفس کا کی رنگ</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="131" />
            <source>Keyring (*.sig);;All files (*)</source>
            <translation>کی رنگ (*.sig);;تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="139" />
            <source>Cannot open {path}: {error}</source>
            <translation>{path} نہیں کھل سکا: {error}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="144" />
            <source>Keyring of {org} ({hq}), serial {serial}, {n} device(s). HQ fingerprint: {fp}. Compare it with the one HQ gave you in person.</source>
            <translation>{org} ({hq}) کا کی رنگ، سیریل {serial}، {n} ڈیوائس۔ ہیڈ آفس کا فنگر پرنٹ: {fp}۔ اسے ہیڈ آفس کے خود دیے ہوئے سے ملائیں۔</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="151" />
            <source>HQ's event log</source>
            <translation>ہیڈ آفس کا ایونٹ لاگ</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="152" />
            <source>Event log (*.jsonl *.log);;All files (*)</source>
            <translation>ایونٹ لاگ (*.jsonl *.log);;تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="158" />
            <source>HQ log: {path}</source>
            <translation>ہیڈ آفس لاگ: {path}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="162" />
            <source>Bundles</source>
            <translation>بنڈل</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="163" />
            <source>Bundles (*.intake);;All files (*)</source>
            <translation>بنڈل (*.intake);;تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="199" />
            <source>Open HQ's keyring to check these bundles.</source>
            <translation>ان بنڈلوں کی جانچ کے لیے ہیڈ آفس کا کی رنگ کھولیں۔</translation>
        </message>
        <message numerus="yes">
            <location filename="../auditor/window.py" line="203" />
            <source>Checking %n bundle(s)…</source>
            <translation>
                <numerusform>%n بنڈل جانچے جا رہے ہیں…</numerusform>
                <numerusform>%n بنڈل جانچے جا رہے ہیں…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="220" />
            <source>entry {n}</source>
            <translation>اندراج {n}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="221" />
            <source>not recorded</source>
            <translation>درج نہیں</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="224" />
            <source>Valid</source>
            <translation>درست</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="224" />
            <source>Refused</source>
            <translation>مسترد</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="229" />
            <source>{good} valid, {bad} refused.</source>
            <translation>{good} درست، {bad} مسترد۔</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="232" />
            <source>HQ's log verifies.</source>
            <translation>ہیڈ آفس کے لاگ کی تصدیق ہو گئی۔</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="233" />
            <source>HQ's log has problems: {problems}</source>
            <translation>ہیڈ آفس کے لاگ میں مسائل ہیں: {problems}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="249" />
            <source>Save the audit report</source>
            <translation>آڈٹ رپورٹ محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="250" />
            <source>HTML report (*.html)</source>
            <translation>HTML رپورٹ (*.html)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="265" />
            <source>Saved the report to {path}.</source>
            <translation>رپورٹ {path} میں محفوظ ہو گئی۔</translation>
        </message>
    </context>
    <context>
        <name>CaseDesk</name>
        <message>
            <location filename="../hq/case_desk.py" line="46" />
            <source>Working as</source>
            <translation>بطور کام</translation>
        </message>
        <message>
            <location filename="../hq/case_desk.py" line="48" />
            <source>&amp;Working as:</source>
            <translation>&amp;بطور کام:</translation>
        </message>
    </context>
    <context>
        <name>CaseLabels</name>
        <message>
            <location filename="../hq/case_labels.py" line="28" />
            <source>New</source>
            <translation>نیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="29" />
            <source>Triaged</source>
            <translation>ابتدائی جانچ ہو گئی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="30" />
            <source>In progress</source>
            <translation>جاری</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="31" />
            <location filename="../hq/case_labels.py" line="54" />
            <source>Referred</source>
            <translation>حوالہ دیا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="32" />
            <source>Closed</source>
            <translation>بند</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="37" />
            <source>Low</source>
            <translation>کم</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="38" />
            <source>Medium</source>
            <translation>درمیانہ</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="39" />
            <source>High</source>
            <translation>زیادہ</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="40" />
            <source>Urgent</source>
            <translation>فوری</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="41" />
            <source>As the form says</source>
            <translation>فارم کے مطابق</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="46" />
            <source>Opened</source>
            <translation>کھولا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="47" />
            <source>Status changed</source>
            <translation>حیثیت بدلی گئی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="48" />
            <source>Reopened</source>
            <translation>دوبارہ کھولا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="49" />
            <source>Priority changed</source>
            <translation>ترجیح بدلی گئی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="50" />
            <source>Assigned</source>
            <translation>سپرد کیا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="51" />
            <source>Note</source>
            <translation>نوٹ</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="52" />
            <source>Follow-up added</source>
            <translation>فالو اپ شامل کیا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="53" />
            <source>Follow-up done</source>
            <translation>فالو اپ مکمل</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="55" />
            <source>Referral refused</source>
            <translation>حوالہ مسترد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="56" />
            <source>Merged</source>
            <translation>ضم کیا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="57" />
            <source>Merged into another case</source>
            <translation>کسی اور کیس میں ضم</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="58" />
            <location filename="../hq/case_labels.py" line="59" />
            <source>Unmerged</source>
            <translation>انضمام ختم کیا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="60" />
            <source>Marked as not a duplicate</source>
            <translation>غیر ڈپلیکیٹ کے طور پر نشان زد</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="61" />
            <source>Not-a-duplicate mark undone</source>
            <translation>غیر ڈپلیکیٹ کا نشان واپس لیا گیا</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="65" />
            <source>(no name)</source>
            <translation>(نام نہیں)</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="72" />
            <source>{level}: {field} within {n} days</source>
            <translation>{level}: {field} اگلے {n} دنوں میں</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="78" />
            <source>yes</source>
            <translation>ہاں</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="78" />
            <source>no</source>
            <translation>نہیں</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="80" />
            <source>{level}: {field} is {values}</source>
            <translation>{level}: {field} {values} ہے</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="82" />
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="91" />
            <source>{what} ({n} days before)</source>
            <translation>{what} ({n} دن پہلے)</translation>
        </message>
    </context>
    <context>
        <name>CaseParts</name>
        <message>
            <location filename="../hq/case_parts.py" line="55" />
            <source>Interviews</source>
            <translation>انٹرویوز</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="56" />
            <source>Form</source>
            <translation>فارم</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="56" />
            <source>Received</source>
            <translation>موصول</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="57" />
            <source>Last changed</source>
            <translation>آخری تبدیلی</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="57" />
            <source>Revision</source>
            <translation>نظرثانی</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="58" />
            <source>Open the &amp;interview</source>
            <translation>&amp;انٹرویو کھولیں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="61" />
            <source>Follow-ups</source>
            <translation>فالو اپس</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <source>Due</source>
            <translation>مقررہ تاریخ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>What</source>
            <translation>کیا</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <source>From</source>
            <translation>از طرف</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="63" />
            <source>Done</source>
            <translation>مکمل</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="68" />
            <source>Due date</source>
            <translation>مقررہ تاریخ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="70" />
            <location filename="../hq/case_parts.py" line="71" />
            <source>What to follow up</source>
            <translation>کس چیز کا فالو اپ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="72" />
            <source>Add &amp;follow-up</source>
            <translation>&amp;فالو اپ شامل کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="73" />
            <source>Mark &amp;done</source>
            <translation>&amp;مکمل نشان لگائیں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="76" />
            <source>Notes</source>
            <translation>نوٹس</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <location filename="../hq/case_parts.py" line="86" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>When</source>
            <translation>کب</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>Who</source>
            <translation>کس نے</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <source>Note</source>
            <translation>نوٹ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="79" />
            <source>A new note (notes cannot be changed later)</source>
            <translation>نیا نوٹ (نوٹس بعد میں تبدیل نہیں ہو سکتے)</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="80" />
            <source>New note</source>
            <translation>نیا نوٹ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="82" />
            <source>Add &amp;note</source>
            <translation>&amp;نوٹ شامل کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="85" />
            <source>Referrals</source>
            <translation>حوالے</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="86" />
            <source>Partner</source>
            <translation>شراکت دار</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="86" />
            <location filename="../hq/case_parts.py" line="92" />
            <source>Need</source>
            <translation>ضرورت</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="87" />
            <source>Interviews sent</source>
            <translation>بھیجے گئے انٹرویوز</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="87" />
            <location filename="../hq/case_parts.py" line="102" />
            <source>Why</source>
            <translation>کیوں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="89" />
            <location filename="../hq/case_parts.py" line="90" />
            <source>Partner organisation</source>
            <translation>شراکت دار تنظیم</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="93" />
            <source>&amp;Refer</source>
            <translation>&amp;حوالہ دیں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="94" />
            <source>Save the referral package to a file</source>
            <translation>حوالے کا پیکیج فائل میں محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="100" />
            <source>History</source>
            <translation>تاریخچہ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="102" />
            <source>Change</source>
            <translation>تبدیلی</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="105" />
            <source>Inter&amp;views</source>
            <translation>&amp;انٹرویوز</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="108" />
            <source>Follo&amp;w-ups</source>
            <translation>&amp;فالو اپس</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="110" />
            <source>N&amp;otes</source>
            <translation>&amp;نوٹس</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="114" />
            <source>Re&amp;ferrals</source>
            <translation>&amp;حوالے</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="115" />
            <source>&amp;History</source>
            <translation>&amp;تاریخچہ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="135" />
            <source>the form</source>
            <translation>فارم</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="137" />
            <source>Overdue</source>
            <translation>تاریخ گزر گئی</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../hq/case_view.py" line="53" />
            <location filename="../hq/case_view.py" line="316" />
            <source>Choose a case in the list.</source>
            <translation>فہرست میں سے ایک کیس منتخب کریں۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="62" />
            <source>Why (required for every change)</source>
            <translation>کیوں (ہر تبدیلی کے لیے ضروری)</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="63" />
            <source>Reason</source>
            <translation>وجہ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="65" />
            <source>New status</source>
            <translation>نئی حیثیت</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="66" />
            <location filename="../hq/case_view.py" line="171" />
            <source>Change &amp;status</source>
            <translation>&amp;حیثیت بدلیں</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="68" />
            <source>Priority</source>
            <translation>ترجیح</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="69" />
            <source>Set &amp;priority</source>
            <translation>&amp;ترجیح مقرر کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="71" />
            <location filename="../hq/case_view.py" line="72" />
            <source>Caseworker</source>
            <translation>کیس ورکر</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="73" />
            <source>&amp;Assign</source>
            <translation>&amp;سپرد کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="74" />
            <source>&amp;Unmerge the last case merged into this one</source>
            <translation>&amp;اس کیس میں ضم آخری کیس کو الگ کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="76" />
            <source>Change</source>
            <translation>تبدیلی</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="78" />
            <source>Reason:</source>
            <translation>وجہ:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="79" />
            <source>Status:</source>
            <translation>حیثیت:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="80" />
            <source>Priority:</source>
            <translation>ترجیح:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="81" />
            <source>Caseworker:</source>
            <translation>کیس ورکر:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="147" />
            <source>Status: {status}</source>
            <translation>حیثیت: {status}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="148" />
            <source>Priority: {level}</source>
            <translation>ترجیح: {level}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="150" />
            <source>(set by an analyst; the form says {level})</source>
            <translation>(تجزیہ کار نے مقرر کی؛ فارم کے مطابق {level})</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="152" />
            <source>Caseworker: {who}</source>
            <translation>کیس ورکر: {who}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="152" />
            <source>none</source>
            <translation>کوئی نہیں</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="154" />
            <source>Province: {p}</source>
            <translation>صوبہ: {p}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="156" />
            <source>Needs: {needs}</source>
            <translation>ضروریات: {needs}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="158" />
            <source>Document expires: {date}</source>
            <translation>دستاویز کی میعاد: {date}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="160" />
            <source>Also written: {names}</source>
            <translation>یوں بھی لکھا گیا: {names}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="162" />
            <source>Merged into another case</source>
            <translation>کسی اور کیس میں ضم</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="164" />
            <source>Priority because: {why}</source>
            <translation>ترجیح کی وجہ: {why}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="170" />
            <source>&amp;Triage</source>
            <translation>&amp;ابتدائی جانچ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="214" />
            <source>Triaged.</source>
            <translation>ابتدائی جانچ ہو گئی۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="217" />
            <source>Status changed.</source>
            <translation>حیثیت بدل دی گئی۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="225" />
            <source>Priority changed.</source>
            <translation>ترجیح بدل دی گئی۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="233" />
            <source>Assigned.</source>
            <translation>سپرد کر دیا گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="241" />
            <source>Note added.</source>
            <translation>نوٹ شامل ہو گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="252" />
            <source>Follow-up added.</source>
            <translation>فالو اپ شامل ہو گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="258" />
            <source>Choose an open follow-up first.</source>
            <translation>پہلے ایک کھلا فالو اپ منتخب کریں۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="262" />
            <source>Follow-up done.</source>
            <translation>فالو اپ مکمل ہو گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="273" />
            <source>Referral package</source>
            <translation>حوالے کا پیکیج</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="274" />
            <source>The referral package you save is NOT encrypted: it holds the fields the referral template lists, of the interviews whose consent allows referral. Send it to the partner over a safe channel and delete it after. Continue?</source>
            <translation>آپ جو حوالے کا پیکیج محفوظ کر رہے ہیں وہ خفیہ نہیں ہے: اس میں ان انٹرویوز کے وہ خانے ہیں جو حوالے کا سانچہ بتاتا ہے اور جن کی رضامندی حوالے کی اجازت دیتی ہے۔ اسے محفوظ ذریعے سے شراکت دار کو بھیجیں اور بعد میں حذف کر دیں۔ جاری رکھیں؟</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="279" />
            <source>Save the referral package</source>
            <translation>حوالے کا پیکیج محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="280" />
            <source>JSON Lines (*.jsonl)</source>
            <translation>JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="287" />
            <source>Referred.</source>
            <translation>حوالہ دے دیا گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="288" />
            <source>Referred; the package is saved in {path}.</source>
            <translation>حوالہ دے دیا گیا؛ پیکیج {path} میں محفوظ ہے۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="294" />
            <source>Referral refused: the person did not consent to referral to partners. Nothing was sent. The refusal is recorded.</source>
            <translation>حوالہ مسترد: اس شخص نے شراکت داروں کو حوالے کی رضامندی نہیں دی۔ کچھ نہیں بھیجا گیا۔ یہ انکار درج کر لیا گیا ہے۔</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="307" />
            <source>Unmerged.</source>
            <translation>انضمام ختم کر دیا گیا۔</translation>
        </message>
    </context>
    <context>
        <name>CasesView</name>
        <message>
            <location filename="../hq/cases_view.py" line="58" />
            <source>Queue</source>
            <translation>قطار</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="59" />
            <source>New and untriaged</source>
            <translation>نئے اور غیر جانچ شدہ</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="60" />
            <source>By priority</source>
            <translation>ترجیح کے لحاظ سے</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="61" />
            <source>Overdue follow-ups</source>
            <translation>تاخیر شدہ فالو اپس</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="62" />
            <source>Documents expiring</source>
            <translation>میعاد ختم ہونے والی دستاویزات</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="63" />
            <source>My cases</source>
            <translation>میرے کیس</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="63" />
            <source>All open cases</source>
            <translation>تمام کھلے کیس</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="64" />
            <source>Closed cases</source>
            <translation>بند کیس</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="69" />
            <source> days</source>
            <translation> دن</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="70" />
            <source>Within days</source>
            <translation>دنوں کے اندر</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="72" />
            <source>Search names and answers…</source>
            <translation>نام اور جوابات تلاش کریں…</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="73" />
            <source>Search cases</source>
            <translation>کیس تلاش کریں</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="76" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Status</source>
            <translation>حیثیت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="77" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Priority</source>
            <translation>ترجیح</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="78" />
            <location filename="../hq/cases_view.py" line="100" />
            <source>Province</source>
            <translation>صوبہ</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="79" />
            <source>Need</source>
            <translation>ضرورت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="79" />
            <source>Form</source>
            <translation>فارم</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="81" />
            <source>Any {what}</source>
            <translation>کوئی بھی {what}</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="83" />
            <source>Any caseworker</source>
            <translation>کوئی بھی کیس ورکر</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="84" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Caseworker</source>
            <translation>کیس ورکر</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="85" />
            <source>Opened from</source>
            <translation>کھولے گئے از</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="92" />
            <source>to</source>
            <translation>تا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="93" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازہ کریں</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="97" />
            <source>Cases</source>
            <translation>کیس</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="99" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="100" />
            <source>Needs</source>
            <translation>ضروریات</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="100" />
            <source>Next follow-up</source>
            <translation>اگلا فالو اپ</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="101" />
            <source>Document expires</source>
            <translation>دستاویز کی میعاد</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="101" />
            <source>Opened</source>
            <translation>کھولا گیا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="103" />
            <source>&amp;Queue:</source>
            <translation>&amp;قطار:</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="202" />
            <source>Priority set by an analyst</source>
            <translation>ترجیح تجزیہ کار نے مقرر کی</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="206" />
            <source>Overdue</source>
            <translation>تاریخ گزر گئی</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="209" />
            <source>Showing {shown} of {total} cases</source>
            <translation>{total} میں سے {shown} کیس دکھائے جا رہے ہیں</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/cases_view.py" line="212" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n کیس</numerusform>
                <numerusform>%n کیس</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../hq/dashboard_view.py" line="161" />
            <location filename="../hq/dashboard_view.py" line="187" />
            <source>Open cases by priority</source>
            <translation>ترجیح کے لحاظ سے کھلے کیس</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="162" />
            <location filename="../hq/dashboard_view.py" line="188" />
            <source>Cases by status</source>
            <translation>حیثیت کے لحاظ سے کیس</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="163" />
            <location filename="../hq/dashboard_view.py" line="189" />
            <source>New cases per week</source>
            <translation>فی ہفتہ نئے کیس</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="164" />
            <source>Needs by province</source>
            <translation>صوبے کے لحاظ سے ضروریات</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="165" />
            <source>overdue follow-ups</source>
            <translation>تاخیر شدہ فالو اپس</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="166" />
            <source>documents expiring soon</source>
            <translation>جلد میعاد ختم ہونے والی دستاویزات</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="167" />
            <source>documents already expired</source>
            <translation>میعاد ختم شدہ دستاویزات</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="168" />
            <source>open cases</source>
            <translation>کھلے کیس</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="172" />
            <source> days</source>
            <translation> دن</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="173" />
            <source>Expiring within</source>
            <translation>اس مدت میں میعاد ختم</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="174" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازہ کریں</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="180" />
            <source>Documents expiring within:</source>
            <translation>اس مدت میں ختم ہونے والی دستاویزات:</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="190" />
            <source>Needs of open cases, by province</source>
            <translation>کھلے کیسوں کی ضروریات، صوبے کے لحاظ سے</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="224" />
            <source>Figures for {day}</source>
            <translation>{day} کے اعداد و شمار</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="238" />
            <source>%n closed</source>
            <translation>
                <numerusform>%n بند</numerusform>
                <numerusform>%n بند</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="240" />
            <source>on %n case(s)</source>
            <translation>
                <numerusform>%n کیسوں پر</numerusform>
                <numerusform>%n کیسوں پر</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="242" />
            <source>within %n day(s)</source>
            <translation>
                <numerusform>%n دن کے اندر</numerusform>
                <numerusform>%n دن کے اندر</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DatabaseDialog</name>
        <message>
            <location filename="../hq/connect_dialog.py" line="36" />
            <source>Team database</source>
            <translation>ٹیم ڈیٹابیس</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="39" />
            <source>HQ's records, cases and event log go to this PostgreSQL database instead of this computer. The database must be empty. The passphrase you choose next still protects HQ's keys on this computer.</source>
            <translation>ہیڈکوارٹر کے ریکارڈ، کیس اور واقعات کا لاگ اس کمپیوٹر کے بجائے اس PostgreSQL ڈیٹابیس میں جاتے ہیں۔ ڈیٹابیس خالی ہونا چاہیے۔ اگلے مرحلے میں منتخب کیا گیا پاس فریز اب بھی اس کمپیوٹر پر ہیڈکوارٹر کی کلیدوں کی حفاظت کرتا ہے۔</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="42" />
            <source>&amp;Server</source>
            <translation>&amp;سرور</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="43" />
            <source>Service &amp;name (pg_service.conf)</source>
            <translation>سروس کا &amp;نام (pg_service.conf)</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="50" />
            <source>db.example.org, 10.0.0.5 or /run/postgresql</source>
            <translation>db.example.org، 10.0.0.5 یا /run/postgresql</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="51" />
            <source>Server or socket folder</source>
            <translation>سرور یا ساکٹ فولڈر</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="56" />
            <source>Port</source>
            <translation>پورٹ</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="59" />
            <source>Database</source>
            <translation>ڈیٹابیس</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="62" />
            <source>Login</source>
            <translation>لاگ اِن</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="65" />
            <source>Service name</source>
            <translation>سروس کا نام</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="69" />
            <source>Database password</source>
            <translation>ڈیٹابیس کا پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="70" />
            <source>Empty: from ~/.pgpass or the service file</source>
            <translation>خالی: ‎~/.pgpass یا سروس فائل سے</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="75" />
            <source>Server or socket folder:</source>
            <translation>سرور یا ساکٹ فولڈر:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="76" />
            <source>Port:</source>
            <translation>پورٹ:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="77" />
            <source>Database:</source>
            <translation>ڈیٹابیس:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="78" />
            <source>Login:</source>
            <translation>لاگ اِن:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="80" />
            <source>Service name:</source>
            <translation>سروس کا نام:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="81" />
            <source>Password:</source>
            <translation>پاس ورڈ:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="82" />
            <source>The password is used for this session only and never saved. To open HQ later without typing it, put it in ~/.pgpass or a libpq service file.</source>
            <translation>پاس ورڈ صرف اسی سیشن کے لیے استعمال ہوتا ہے اور کبھی محفوظ نہیں کیا جاتا۔ بعد میں اسے ٹائپ کیے بغیر ہیڈکوارٹر کھولنے کے لیے اسے ‎~/.pgpass یا libpq سروس فائل میں رکھیں۔</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="85" />
            <source>&amp;Test connection</source>
            <translation>کنکشن &amp;آزمائیں</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="132" />
            <source>Connecting…</source>
            <translation>کنکٹ ہو رہا ہے…</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="140" />
            <source>Connected, but database {db} already holds an HQ store: give an empty one.</source>
            <translation>کنکٹ ہو گیا، لیکن ڈیٹابیس {db} میں پہلے سے ہیڈکوارٹر کا اسٹور موجود ہے: خالی ڈیٹابیس دیں۔</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="145" />
            <source>Connected to PostgreSQL {version}, database {db} as {user}. It is empty: ready for a new HQ.</source>
            <translation>PostgreSQL {version}، ڈیٹابیس {db} سے بطور {user} کنکٹ ہو گیا۔ یہ خالی ہے: نئے ہیڈکوارٹر کے لیے تیار۔</translation>
        </message>
    </context>
    <context>
        <name>DatabasePasswordDialog</name>
        <message>
            <location filename="../hq/connect_dialog.py" line="181" />
            <source>Team database password</source>
            <translation>ٹیم ڈیٹا بیس پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="184" />
            <source>The team database asks for your database password. It is kept in memory until Intake locks, and never saved.</source>
            <translation>ٹیم ڈیٹا بیس آپ کا ڈیٹا بیس پاس ورڈ مانگ رہا ہے۔ یہ Intake کے لاک ہونے تک صرف میموری میں رکھا جاتا ہے اور کبھی محفوظ نہیں کیا جاتا۔</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="191" />
            <location filename="../hq/connect_dialog.py" line="192" />
            <source>Database password</source>
            <translation>ڈیٹا بیس پاس ورڈ</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../editor/date_fields.py" line="88" />
            <source>Calendar…</source>
            <translation>کیلنڈر…</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="89" />
            <source>Pick a date from a calendar</source>
            <translation>کیلنڈر سے تاریخ چنیں</translation>
        </message>
    </context>
    <context>
        <name>DatePicker</name>
        <message>
            <location filename="../editor/date_fields.py" line="56" />
            <source>Solar Hijri</source>
            <translation>ہجری شمسی</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="57" />
            <source>Gregorian</source>
            <translation>عیسوی</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="58" />
            <source>Calendar</source>
            <translation>کیلنڈر</translation>
        </message>
    </context>
    <context>
        <name>DestinationPage</name>
        <message numerus="yes">
            <location filename="../export_view.py" line="127" />
            <source>%n sealed volume(s) never reached a stick (an earlier export was cut off). They will be written to this destination too.</source>
            <translation>
                <numerusform>%Ln مہر بند حصہ کبھی USB تک نہیں پہنچا (پچھلی برآمد بیچ میں رک گئی تھی)۔ یہ بھی اسی جگہ لکھا جائے گا۔</numerusform>
                <numerusform>%Ln مہر بند حصے کبھی USB تک نہیں پہنچے (پچھلی برآمد بیچ میں رک گئی تھی)۔ یہ بھی اسی جگہ لکھے جائیں گے۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="73" />
            <source>Where should the sealed bundle go?</source>
            <translation>سیل شدہ بنڈل کہاں جائے؟</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="74" />
            <source>Plug in the USB stick, or choose any folder. Only HQ can open what is written there.</source>
            <translation>یو ایس بی لگائیں یا کوئی فولڈر چنیں۔ وہاں لکھی گئی چیز صرف ہیڈ آفس کھول سکتا ہے۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="77" />
            <source>Removable drives</source>
            <translation>الگ ہونے والی ڈرائیوز</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="78" />
            <source>&amp;Look for drives again</source>
            <translation>ڈرائیوز دوبارہ تلاش کریں</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="79" />
            <source>Choose a &amp;folder…</source>
            <translation>فولڈر چنیں…</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="82" />
            <source>Also write again the bundles HQ has not confirmed</source>
            <translation>وہ بنڈل بھی دوبارہ لکھیں جن کی ہیڈ آفس نے تصدیق نہیں کی</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="85" />
            <source>Each bundle file is at most {size} (HQ's policy); larger exports are split.</source>
            <translation>ہر بنڈل فائل زیادہ سے زیادہ {size} ہے (ہیڈ آفس کی پالیسی)؛ بڑی برآمدات تقسیم ہو جاتی ہیں۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="88" />
            <source>Removable drives:</source>
            <translation>الگ ہونے والی ڈرائیوز:</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_view.py" line="130" />
            <source>%n finalized record(s) to seal, about {size}.</source>
            <translation>
                <numerusform>%Ln حتمی ریکارڈ سیل کرنے کے لیے، تقریباً {size}۔</numerusform>
                <numerusform>%Ln حتمی ریکارڈ سیل کرنے کے لیے، تقریباً {size}۔</numerusform>
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
            <translation>کوئی الگ ہونے والی ڈرائیو نہیں ملی۔ ایک لگائیں یا فولڈر چنیں۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="154" />
            <source>Folder for the sealed bundle</source>
            <translation>سیل شدہ بنڈل کے لیے فولڈر</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="169" />
            <source>Destination: {path}</source>
            <translation>منزل: {path}</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="172" />
            <source>Not enough free space ({free}). Free some space or use another drive.</source>
            <translation>کافی خالی جگہ نہیں ({free})۔ کچھ جگہ خالی کریں یا دوسری ڈرائیو استعمال کریں۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="176" />
            <source>Free space: {free}.</source>
            <translation>خالی جگہ: {free}۔</translation>
        </message>
    </context>
    <context>
        <name>DevicesView</name>
        <message>
            <location filename="../hq/devices_view.py" line="67" />
            <source>Devices</source>
            <translation>ڈیوائسز</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Device</source>
            <translation>ڈیوائس</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Label</source>
            <translation>لیبل</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Fingerprint</source>
            <translation>فنگر پرنٹ</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <location filename="../hq/devices_view.py" line="103" />
            <source>Enrolled</source>
            <translation>اندراج شدہ</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Status</source>
            <translation>حیثیت</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Last sequence</source>
            <translation>آخری نمبر</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Missing sequences</source>
            <translation>غائب نمبر</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="71" />
            <source>&amp;Enroll from a device card…</source>
            <translation>ڈیوائس کارڈ سے اندراج…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="72" />
            <source>&amp;Revoke…</source>
            <translation>منسوخ کریں…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="73" />
            <source>Save the public &amp;keyring…</source>
            <translation>عوامی کی رنگ محفوظ کریں…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="102" />
            <source>Revoked {date}</source>
            <translation>منسوخ {date}</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="108" />
            <source>none yet</source>
            <translation>ابھی کوئی نہیں</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="110" />
            <source>Bundles not received while later ones were</source>
            <translation>وہ بنڈل جو نہیں ملے جبکہ بعد والے مل گئے</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/devices_view.py" line="111" />
            <source>%n device(s)</source>
            <translation>
                <numerusform>%n ڈیوائس</numerusform>
                <numerusform>%n ڈیوائس</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="129" />
            <source>Device card</source>
            <translation>ڈیوائس کارڈ</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="130" />
            <source>Device cards (*.sig *.card);;All files (*)</source>
            <translation>ڈیوائس کارڈ (*.sig *.card);;تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="136" />
            <source>Cannot read the device card {name}.</source>
            <translation>ڈیوائس کارڈ {name} پڑھا نہیں جا سکتا۔</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="148" />
            <source>Enrolled {device}, fingerprint {fp}. Compare it with the one the laptop shows.</source>
            <translation>{device} کا اندراج ہو گیا، فنگر پرنٹ {fp}۔ اسے لیپ ٹاپ پر دکھائے گئے سے ملائیں۔</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="158" />
            <source>Revoke device</source>
            <translation>ڈیوائس منسوخ کریں</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="159" />
            <source>Revoke {device}? Bundles it signs from now on will be refused. This cannot be undone.</source>
            <translation>{device} منسوخ کریں؟ اب سے اس کے دستخط شدہ بنڈل مسترد ہوں گے۔ یہ واپس نہیں ہو سکتا۔</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="168" />
            <source>Revoked {device}. Publish the new keyring.</source>
            <translation>{device} منسوخ ہو گئی۔ نیا کی رنگ شائع کریں۔</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="174" />
            <source>Save the public keyring</source>
            <translation>عوامی کی رنگ محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="175" />
            <source>Keyring (*.sig)</source>
            <translation>کی رنگ (*.sig)</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="185" />
            <source>Saved the keyring to {path}.</source>
            <translation>کی رنگ {path} میں محفوظ ہو گیا۔</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../dialogs.py" line="27" />
            <source>Something went wrong ({name}). Your data was not changed.</source>
            <translation>کچھ غلط ہو گیا ({name})۔ آپ کا ڈیٹا تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../dialogs.py" line="33" />
            <source>Problem</source>
            <translation>مسئلہ</translation>
        </message>
    </context>
    <context>
        <name>DraftSaver</name>
        <message>
            <location filename="../editor/saving.py" line="81" />
            <source>Unsaved changes…</source>
            <translation>غیر محفوظ تبدیلیاں…</translation>
        </message>
        <message>
            <location filename="../editor/saving.py" line="127" />
            <source>Not saved: {reason}</source>
            <translation>محفوظ نہیں ہوا: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/saving.py" line="137" />
            <source>Saved at {time}, except %n answer(s) to fix (marked in red).</source>
            <translation>
                <numerusform>{time} پر محفوظ ہو گیا، سوائے %n جوابات کے جنہیں درست کرنا ہے (سرخ نشان زدہ)۔</numerusform>
                <numerusform>{time} پر محفوظ ہو گیا، سوائے %n جوابات کے جنہیں درست کرنا ہے (سرخ نشان زدہ)۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/saving.py" line="140" />
            <source>All changes saved at {time}.</source>
            <translation>تمام تبدیلیاں {time} پر محفوظ ہو گئیں۔</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesView</name>
        <message>
            <location filename="../hq/duplicates_view.py" line="48" />
            <source>Likely duplicates</source>
            <translation>ممکنہ نقول</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="49" />
            <source>Case</source>
            <translation>کیس</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="49" />
            <source>Likely the same as</source>
            <translation>غالباً وہی جو</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Score</source>
            <translation>اسکور</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Why</source>
            <translation>کیوں</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Status</source>
            <translation>حیثیت</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="53" />
            <source>Reason</source>
            <translation>وجہ</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="54" />
            <source>&amp;Merge the second into the first</source>
            <translation>&amp;دوسرے کو پہلے میں ضم کریں</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="55" />
            <source>&amp;Not a duplicate</source>
            <translation>&amp;نقل نہیں</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="52" />
            <source>Why (required)</source>
            <translation>کیوں (لازمی)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="56" />
            <source>&amp;Undo the last change</source>
            <translation>&amp;آخری تبدیلی واپس لیں</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="57" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازہ کریں</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="65" />
            <source>Pairs of cases that may be the same person. Check both before merging; a merge can be undone.</source>
            <translation>کیسوں کے جوڑے جو شاید ایک ہی شخص ہوں۔ ضم کرنے سے پہلے دونوں جانچیں؛ انضمام واپس ہو سکتا ہے۔</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="86" />
            <source>names match ({keys}; {pct}% of the shorter name)</source>
            <translation>نام ملتے ہیں ({keys}؛ چھوٹے نام کا {pct}٪)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="90" />
            <source>same birth year ({year})</source>
            <translation>ایک ہی سال پیدائش ({year})</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="93" />
            <source>birth years {n} apart (against)</source>
            <translation>پیدائش کے سالوں میں {n} کا فرق (خلاف)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="94" />
            <source>birth years {n} apart</source>
            <translation>پیدائش کے سالوں میں {n} کا فرق</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="97" />
            <source>same province ({province})</source>
            <translation>ایک ہی صوبہ ({province})</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="100" />
            <source>same phone number</source>
            <translation>ایک ہی فون نمبر</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/duplicates_view.py" line="125" />
            <source>%n pair(s)</source>
            <translation>
                <numerusform>%n جوڑے</numerusform>
                <numerusform>%n جوڑے</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="152" />
            <source>Merged {b} into {a}.</source>
            <translation>{b} کو {a} میں ضم کر دیا گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="176" />
            <source>Marked as not a duplicate: {a} and {b}.</source>
            <translation>نقل نہیں کے طور پر نشان زد: {a} اور {b}۔</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="190" />
            <source>Unmerged.</source>
            <translation>انضمام ختم کر دیا گیا۔</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="191" />
            <source>The pair may be suggested again.</source>
            <translation>یہ جوڑا دوبارہ تجویز ہو سکتا ہے۔</translation>
        </message>
    </context>
    <context>
        <name>EnrollPage</name>
        <message>
            <location filename="../wizard.py" line="124" />
            <source>Enroll with HQ</source>
            <translation>ہیڈ آفس کے ساتھ اندراج</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="125" />
            <source>Open the provisioning file HQ gave you, then compare the fingerprint with the one HQ told you in person or by phone.</source>
            <translation>ہیڈ آفس کی دی ہوئی پروویژننگ فائل کھولیں، پھر فنگر پرنٹ کا موازنہ اس سے کریں جو ہیڈ آفس نے آپ کو بالمشافہ یا فون پر بتایا۔</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="127" />
            <source>&amp;Open provisioning file…</source>
            <translation>پروویژننگ فائل کھولیں…</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="135" />
            <source>HQ fingerprint</source>
            <translation>ہیڈ آفس کا فنگر پرنٹ</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="138" />
            <source>The fingerprint &amp;matches the one HQ gave me</source>
            <translation>فنگر پرنٹ ہیڈ آفس کے دیے ہوئے سے میل کھاتا ہے</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="140" />
            <source>Enroll &amp;later (records can be written, but not sent)</source>
            <translation>بعد میں اندراج (ریکارڈ لکھے جا سکتے ہیں، بھیجے نہیں جا سکتے)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="154" />
            <source>Provisioning file</source>
            <translation>پروویژننگ فائل</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="155" />
            <source>Provisioning files (*.sig *.prov);;All files (*)</source>
            <translation>پروویژننگ فائلیں (*.sig *.prov);;تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="167" />
            <source>This file cannot be used: {reason}</source>
            <translation>یہ فائل استعمال نہیں ہو سکتی: {reason}</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="173" />
            <source>HQ fingerprint in {name}:</source>
            <translation>{name} میں ہیڈ آفس کا فنگر پرنٹ:</translation>
        </message>
    </context>
    <context>
        <name>ErrorList</name>
        <message>
            <location filename="../editor/review.py" line="65" />
            <source>Answers to fix</source>
            <translation>وہ جوابات جنہیں درست کرنا ہے</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../error_texts.py" line="26" />
            <source>Wrong passphrase.</source>
            <translation>غلط پاس ورڈ۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="28" />
            <source>This file or value cannot be used here.</source>
            <translation>یہ فائل یا قدر یہاں استعمال نہیں ہو سکتی۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="30" />
            <source>The profile cannot be opened or created in this folder.</source>
            <translation>اس فولڈر میں پروفائل نہ کھل سکتا ہے نہ بن سکتا ہے۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="32" />
            <source>The team database needs your database password, or did not accept it.</source>
            <translation>ٹیم ڈیٹا بیس کو آپ کا ڈیٹا بیس پاس ورڈ چاہیے، یا اس نے اسے قبول نہیں کیا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="35" />
            <source>The team database cannot be reached; check the network and the server address, then try again.</source>
            <translation>ٹیم ڈیٹا بیس تک رسائی نہیں ہو سکی؛ نیٹ ورک اور سرور کا پتہ دیکھیں، پھر دوبارہ کوشش کریں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="38" />
            <source>The encrypted store failed its integrity check; do not write to it and ask for help.</source>
            <translation>خفیہ کردہ اسٹور سالمیت کی جانچ میں ناکام رہا؛ اس میں کچھ نہ لکھیں اور مدد طلب کریں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="41" />
            <source>The disk is full; nothing was written. Free some space and try again.</source>
            <translation>ڈسک بھری ہوئی ہے؛ کچھ نہیں لکھا گیا۔ کچھ جگہ خالی کریں اور دوبارہ کوشش کریں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="43" />
            <source>The attachment storage could not be reached or refused the request; nothing was saved.</source>
            <translation>منسلکات کا اسٹوریج دستیاب نہیں تھا یا اس نے درخواست رد کر دی؛ کچھ محفوظ نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="46" />
            <source>The check could not run to the end; this is not a sign of damage.</source>
            <translation>جانچ آخر تک نہیں چل سکی؛ یہ خرابی کی علامت نہیں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="48" />
            <source>It no longer exists (the record, form, file or device was not found).</source>
            <translation>اب موجود نہیں (ریکارڈ، فارم، فائل یا ڈیوائس نہیں ملی)۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="50" />
            <source>This cannot be done in the record's current state.</source>
            <translation>ریکارڈ کی موجودہ حالت میں یہ نہیں کیا جا سکتا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="52" />
            <source>The team database does not allow this for your role; nothing was changed.</source>
            <translation>ٹیم کا ڈیٹا بیس آپ کے کردار کے لیے اس کی اجازت نہیں دیتا؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="55" />
            <source>The person did not consent to this.</source>
            <translation>فرد نے اس کی رضامندی نہیں دی۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="57" />
            <source>An expression in the form cannot be read.</source>
            <translation>فارم کا ایک اظہار پڑھا نہیں جا سکتا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="59" />
            <source>The form's casework settings are not valid.</source>
            <translation>فارم کی کیس ورک ترتیبات درست نہیں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="61" />
            <source>The form cannot be loaded.</source>
            <translation>فارم لوڈ نہیں ہو سکتا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="65" />
            <source>Export cancelled; nothing was lost (finished volumes are kept).</source>
            <translation>برآمد منسوخ ہو گئی؛ کچھ ضائع نہیں ہوا (مکمل حصے محفوظ رہتے ہیں)۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="67" />
            <source>These backup shares do not restore the keys (too few, from different sets, or mistyped).</source>
            <translation>یہ بیک اپ حصے کلیدیں بحال نہیں کرتے (بہت کم، مختلف سیٹوں سے، یا غلط ٹائپ شدہ)۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="70" />
            <source>The drop box did not accept this computer's credentials.</source>
            <translation>ڈراپ باکس نے اس کمپیوٹر کی اسناد قبول نہیں کیں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="74" />
            <source>No answer from the drop box; check the network and try again.</source>
            <translation>ڈراپ باکس سے کوئی جواب نہیں؛ نیٹ ورک چیک کریں اور دوبارہ کوشش کریں۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="76" />
            <source>Cancelled; nothing was lost (the upload resumes next time).</source>
            <translation>منسوخ ہو گیا؛ کچھ ضائع نہیں ہوا (اپ لوڈ اگلی بار جاری رہے گا)۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="79" />
            <source>This could not be done.</source>
            <translation>یہ کام نہیں ہو سکا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="85" />
            <source>The file is damaged or not of the expected kind; nothing was changed.</source>
            <translation>فائل خراب ہے یا متوقع قسم کی نہیں؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="87" />
            <source>The file's signature is missing or not valid; nothing was changed.</source>
            <translation>فائل کا دستخط موجود نہیں یا درست نہیں؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="89" />
            <source>The file was signed by an unknown or revoked device; nothing was changed.</source>
            <translation>فائل پر کسی نامعلوم یا منسوخ شدہ ڈیوائس کے دستخط ہیں؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="91" />
            <source>The file is meant for another HQ; nothing was changed.</source>
            <translation>یہ فائل کسی اور ہیڈ آفس کے لیے ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="93" />
            <source>The file's content cannot be decrypted or is damaged; nothing was changed.</source>
            <translation>فائل کا مواد کھولا نہیں جا سکتا یا خراب ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="95" />
            <source>The bundle is out of sequence (repeated, missing or forked); nothing was changed.</source>
            <translation>بنڈل کی ترتیب درست نہیں (دہرایا گیا، غائب یا دو شاخہ)؛ کچھ تبدیل نہیں ہوا۔</translation>
        </message>
        <message numerus="yes">
            <location filename="../error_texts.py" line="106" />
            <source>%n answer(s) are not valid; nothing was saved.</source>
            <translation>
                <numerusform>%n جوابات درست نہیں؛ کچھ محفوظ نہیں ہوا۔</numerusform>
                <numerusform>%n جوابات درست نہیں؛ کچھ محفوظ نہیں ہوا۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="111" />
            <source>The drop box refused the request (error {status}).</source>
            <translation>ڈراپ باکس نے درخواست رد کر دی (خرابی {status})۔</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../hq/export_dialog.py" line="40" />
            <source>Export records</source>
            <translation>ریکارڈ برآمد کریں</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="44" />
            <source>Warning: this export leaves the encrypted store. The files written are NOT encrypted. Keep them on an encrypted disk, share them with no one who does not need them, and delete them when done.</source>
            <translation>انتباہ: یہ برآمد خفیہ ذخیرے سے باہر جاتی ہے۔ لکھی گئی فائلیں خفیہ نہیں ہیں۔ انہیں خفیہ ڈسک پر رکھیں، کسی ایسے شخص کو نہ دیں جسے ضرورت نہ ہو، اور کام کے بعد حذف کر دیں۔</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="49" />
            <source>CSV (a folder, one file per form)</source>
            <translation>CSV (ایک فولڈر، ہر فارم کے لیے ایک فائل)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="50" />
            <source>Excel workbook (.xlsx)</source>
            <translation>ایکسل ورک بک (.xlsx)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="51" />
            <source>JSON Lines (.jsonl)</source>
            <translation>JSON Lines (.jsonl)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="53" />
            <source>All forms</source>
            <translation>تمام فارم</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="59" />
            <source>Codes, not labels</source>
            <translation>کوڈ، لیبل نہیں</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="63" />
            <location filename="../hq/export_dialog.py" line="81" />
            <source>Export to</source>
            <translation>برآمد کی جگہ</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="64" />
            <source>Choose…</source>
            <translation>منتخب کریں…</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="68" />
            <source>I understand the exported files are not encrypted</source>
            <translation>میں سمجھتا/سمجھتی ہوں کہ برآمد شدہ فائلیں خفیہ نہیں ہیں</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="74" />
            <source>&amp;Export</source>
            <translation>برآمد کریں</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="78" />
            <source>Format</source>
            <translation>فارمیٹ</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="79" />
            <source>Form</source>
            <translation>فارم</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="80" />
            <source>Labels in</source>
            <translation>لیبل کی زبان</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="105" />
            <source>Folder for the CSV files</source>
            <translation>CSV فائلوں کے لیے فولڈر</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="107" />
            <source>Export file</source>
            <translation>برآمد فائل</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="132" />
            <source>Exporting…</source>
            <translation>برآمد ہو رہا ہے…</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="147" />
            <source>Exported {n} record(s) to {path}. These files are not encrypted.</source>
            <translation>{n} ریکارڈ {path} میں برآمد ہو گئے۔ یہ فائلیں خفیہ نہیں ہیں۔</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <location filename="../export_view.py" line="315" />
            <source>Export for HQ</source>
            <translation>ہیڈ آفس کے لیے برآمد</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="330" />
            <source>&amp;Seal</source>
            <translation>سیل کریں</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="331" />
            <source>&amp;Back</source>
            <translation>واپس</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="332" />
            <source>&amp;Close</source>
            <translation>بند کریں</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="333" />
            <source>Cancel</source>
            <translation>منسوخ</translation>
        </message>
    </context>
    <context>
        <name>FieldWidget</name>
        <message>
            <location filename="../editor/base.py" line="108" />
            <source>(sensitive — only if needed)</source>
            <translation>(حساس — صرف ضرورت ہو تو)</translation>
        </message>
        <message>
            <location filename="../editor/base.py" line="113" />
            <source>Required</source>
            <translation>لازمی</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <location filename="../wizard.py" line="191" />
            <source>Setting up</source>
            <translation>تیاری ہو رہی ہے</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="194" />
            <source>Save the &amp;device card for HQ…</source>
            <translation>ہیڈ آفس کے لیے ڈیوائس کارڈ محفوظ کریں…</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="204" />
            <source>Creating the encrypted store… this takes a few seconds.</source>
            <translation>خفیہ اسٹور بن رہا ہے… اس میں چند سیکنڈ لگتے ہیں۔</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="210" />
            <source>Ready</source>
            <translation>تیار</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="213" />
            <source>The demo is ready, with sample records. Its practice HQ profile is in {hq} and opens with the same passphrase: after exporting, open it in the HQ window and use its “Import from a folder…” button. Nothing here touches real data.</source>
            <translation>ڈیمو نمونہ ریکارڈز کے ساتھ تیار ہے۔ اس کا مشقی ہیڈ آفس پروفائل {hq} میں ہے اور اسی پاس فریز سے کھلتا ہے: برآمد کرنے کے بعد اسے ہیڈ آفس ونڈو میں کھولیں اور اس کا «فولڈر سے درآمد کریں…» بٹن استعمال کریں۔ یہاں کچھ بھی اصل ڈیٹا کو نہیں چھوتا۔</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="219" />
            <source>This laptop is enrolled with {org}. Its device fingerprint is {fp}. Save the device card and give it to HQ so they can accept this laptop's bundles.</source>
            <translation>یہ لیپ ٹاپ {org} کے ساتھ درج ہو گیا۔ اس کا ڈیوائس فنگر پرنٹ {fp} ہے۔ ڈیوائس کارڈ محفوظ کر کے ہیڈ آفس کو دیں تاکہ وہ اس لیپ ٹاپ کے بنڈل قبول کر سکیں۔</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="224" />
            <source>The encrypted store is ready. Enroll with HQ later from the provisioning file to send records.</source>
            <translation>خفیہ اسٹور تیار ہے۔ ریکارڈ بھیجنے کے لیے بعد میں پروویژننگ فائل سے ہیڈ آفس کے ساتھ اندراج کریں۔</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="229" />
            <source>Setup failed: {reason}</source>
            <translation>تیاری ناکام رہی: {reason}</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="236" />
            <source>Save device card</source>
            <translation>ڈیوائس کارڈ محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="256" />
            <source>Device card saved to {name}</source>
            <translation>ڈیوائس کارڈ {name} میں محفوظ ہو گیا</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../wizard.py" line="269" />
            <source>Set up Intake</source>
            <translation>ایپ کی تیاری</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="286" />
            <source>&amp;Back</source>
            <translation>واپس</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="287" />
            <source>&amp;Next</source>
            <translation>اگلا</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="288" />
            <source>&amp;Start</source>
            <translation>شروع کریں</translation>
        </message>
    </context>
    <context>
        <name>FormChooser</name>
        <message>
            <location filename="../workspace.py" line="35" />
            <source>New record</source>
            <translation>نیا ریکارڈ</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="37" />
            <source>Form</source>
            <translation>فارم</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="46" />
            <source>Which form?</source>
            <translation>کون سا فارم؟</translation>
        </message>
    </context>
    <context>
        <name>HQSetupWizard</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="245" />
            <source>Set up Intake HQ</source>
            <translation>Intake ہیڈ آفس ترتیب دیں</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="250" />
            <source>&amp;Back</source>
            <translation>واپس</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="251" />
            <source>&amp;Next</source>
            <translation>اگلا</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="252" />
            <source>&amp;Finish</source>
            <translation>ختم کریں</translation>
        </message>
    </context>
    <context>
        <name>HQWindow</name>
        <message>
            <location filename="../hq/window.py" line="104" />
            <source>Intake HQ is locked</source>
            <translation>Intake ہیڈ آفس لاک ہے</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="105" />
            <source>Type the HQ passphrase to open the import desk, devices and records.</source>
            <translation>درآمد ڈیسک، ڈیوائسز اور ریکارڈ کھولنے کے لیے ہیڈ آفس کا پاس ورڈ لکھیں۔</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="113" />
            <source>&amp;Export records…</source>
            <translation>ریکارڈ برآمد کریں…</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="116" />
            <source>&amp;Lock</source>
            <translation>لاک</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="116" />
            <source>Lock now (Ctrl+L)</source>
            <translation>ابھی لاک کریں (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="118" />
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="135" />
            <source>Intake HQ</source>
            <translation>Intake ہیڈ آفس</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="136" />
            <source>Intake HQ — locked</source>
            <translation>Intake ہیڈ آفس — لاک</translation>
        </message>
    </context>
    <context>
        <name>HQWorkspace</name>
        <message>
            <location filename="../hq/window.py" line="50" />
            <source>&amp;Import desk</source>
            <translation>درآمد ڈیسک</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="50" />
            <source>&amp;Devices</source>
            <translation>ڈیوائسز</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="51" />
            <source>&amp;Records</source>
            <translation>ریکارڈ</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="51" />
            <source>Re&amp;ceipts</source>
            <translation>رسیدیں</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="52" />
            <source>C&amp;ases</source>
            <translation>&amp;کیس</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="52" />
            <source>D&amp;uplicates</source>
            <translation>&amp;نقول</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="53" />
            <source>Das&amp;hboard</source>
            <translation>&amp;ڈیش بورڈ</translation>
        </message>
    </context>
    <context>
        <name>ImportDesk</name>
        <message>
            <location filename="../hq/import_desk.py" line="91" />
            <source>Import from a &amp;folder…</source>
            <translation>فولڈر سے درآمد…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="92" />
            <source>Import from a &amp;USB stick…</source>
            <translation>USB اسٹک سے درآمد…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="94" />
            <source>Drop box address (https://…)</source>
            <translation>ڈراپ باکس کا پتہ (https://…)</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="95" />
            <source>Drop box address</source>
            <translation>ڈراپ باکس کا پتہ</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="96" />
            <source>Fetch from &amp;drop box</source>
            <translation>ڈراپ باکس سے لائیں</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="97" />
            <source>Choose where the bundles are.</source>
            <translation>منتخب کریں کہ بنڈل کہاں ہیں۔</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="99" />
            <source>Import progress</source>
            <translation>درآمد کی پیش رفت</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="102" />
            <source>Verdicts</source>
            <translation>فیصلے</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>File</source>
            <translation>فائل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Verdict</source>
            <translation>فیصلہ</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Device</source>
            <translation>ڈیوائس</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Sequence</source>
            <translation>ترتیب نمبر</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Records</source>
            <translation>ریکارڈ</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Attachments</source>
            <translation>منسلکات</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Reason or notes</source>
            <translation>وجہ یا نوٹس</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="107" />
            <source>Quarantined bundles</source>
            <translation>قرنطینہ شدہ بنڈل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="108" />
            <source>Quarantined bundles (refused, kept for inspection)</source>
            <translation>قرنطینہ شدہ بنڈل (مسترد، جانچ کے لیے رکھے گئے)</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="132" />
            <source>Folder with bundles</source>
            <translation>بنڈلوں والا فولڈر</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="139" />
            <source>USB stick with bundles</source>
            <translation>بنڈلوں والی USB اسٹک</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="146" />
            <source>No bundles (*.intake) in {folder}.</source>
            <translation>{folder} میں کوئی بنڈل (*.intake) نہیں۔</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="161" />
            <source>Fetching new bundles from the drop box…</source>
            <translation>ڈراپ باکس سے نئے بنڈل لائے جا رہے ہیں…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="177" />
            <source>The drop box has no new bundles.</source>
            <translation>ڈراپ باکس میں کوئی نیا بنڈل نہیں۔</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="181" />
            <source>Drop box: {error}</source>
            <translation>ڈراپ باکس: {error}</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="199" />
            <source>Done: {ok} imported, {dup} already here, {bad} refused.</source>
            <translation>مکمل: {ok} درآمد، {dup} پہلے سے موجود، {bad} مسترد۔</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="208" />
            <source>Importing {name} ({n} of {total})…</source>
            <translation>{name} درآمد ہو رہا ہے ({total} میں سے {n})…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="247" />
            <source>Imported</source>
            <translation>درآمد ہو گیا</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="247" />
            <source>Already imported</source>
            <translation>پہلے سے درآمد شدہ</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="248" />
            <source>Refused</source>
            <translation>مسترد</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="258" />
            <source>{reason} (quarantined)</source>
            <translation>{reason} (قرنطینہ)</translation>
        </message>
    </context>
    <context>
        <name>KeysPage</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="100" />
            <source>HQ keys</source>
            <translation>ہیڈ آفس کی کلیدیں</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="103" />
            <source>&amp;Write provisioning file…</source>
            <translation>پروویژننگ فائل لکھیں…</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="108" />
            <source>Number of shares</source>
            <translation>حصوں کی تعداد</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="112" />
            <source>Shares needed to restore</source>
            <translation>بحالی کے لیے درکار حصے</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="113" />
            <source>Make &amp;backup shares</source>
            <translation>بیک اپ حصے بنائیں</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="118" />
            <source>Backup shares</source>
            <translation>بیک اپ حصے</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="120" />
            <source>Shares:</source>
            <translation>حصے:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="122" />
            <source>needed to restore:</source>
            <translation>بحالی کے لیے درکار:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="127" />
            <source>Optional: backup shares restore HQ's keys if this computer is lost. Write each share on paper and give them to different trusted people; they are shown once and never saved.</source>
            <translation>اختیاری: اگر یہ کمپیوٹر گم ہو جائے تو بیک اپ حصے ہیڈ آفس کی کلیدیں بحال کرتے ہیں۔ ہر حصہ کاغذ پر لکھیں اور مختلف قابلِ اعتماد افراد کو دیں؛ یہ صرف ایک بار دکھائے جاتے ہیں اور کبھی محفوظ نہیں ہوتے۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="150" />
            <source>Creating the HQ profile and its keys… this takes a few seconds.</source>
            <translation>ہیڈ آفس پروفائل اور اس کی کلیدیں بن رہی ہیں… چند سیکنڈ لگتے ہیں۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="171" />
            <source>The HQ profile is ready. Read this fingerprint to each field laptop's user when they enroll: it proves the provisioning file came from this HQ.</source>
            <translation>ہیڈ آفس پروفائل تیار ہے۔ ہر فیلڈ لیپ ٹاپ کے صارف کو اندراج کے وقت یہ فنگر پرنٹ پڑھ کر سنائیں: یہ ثابت کرتا ہے کہ پروویژننگ فائل اسی ہیڈ آفس سے آئی ہے۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="179" />
            <source>Setup failed: {reason}</source>
            <translation>ترتیب ناکام: {reason}</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="187" />
            <source>Folder for the provisioning file</source>
            <translation>پروویژننگ فائل کے لیے فولڈر</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="203" />
            <source>Wrote {path}. Give it to each field laptop (with the fingerprint above).</source>
            <translation>{path} لکھ دی گئی۔ اسے (اوپر والے فنگر پرنٹ کے ساتھ) ہر فیلڈ لیپ ٹاپ کو دیں۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="211" />
            <source>The shares needed cannot be more than the shares made.</source>
            <translation>درکار حصے بنائے گئے حصوں سے زیادہ نہیں ہو سکتے۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="222" />
            <source>Share {i} of {n}:</source>
            <translation>{n} میں سے حصہ {i}:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="65" />
            <source>&amp;New record</source>
            <translation>نیا ریکارڈ</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="68" />
            <source>&amp;Export for HQ…</source>
            <translation>ہیڈ آفس کے لیے برآمد…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="71" />
            <source>Import rece&amp;ipt…</source>
            <translation>رسید درآمد کریں…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="73" />
            <source>Se&amp;ttings…</source>
            <translation>ترتیبات…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="76" />
            <source>&amp;Lock</source>
            <translation>لاک</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="76" />
            <source>Lock now (Ctrl+L)</source>
            <translation>ابھی لاک کریں (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="77" />
            <source>Panic: erase</source>
            <translation>ہنگامی طور پر مٹائیں</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="80" />
            <source>Erase everything on this laptop now and close the app ({keys})</source>
            <translation>ابھی اس لیپ ٹاپ پر سب کچھ مٹا دیں اور ایپ بند کر دیں ({keys})</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="102" />
            <source>Intake</source>
            <translation>انٹیک</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="102" />
            <source>Intake — locked</source>
            <translation>انٹیک — لاک ہے</translation>
        </message>
        <message numerus="yes">
            <location filename="../main_window.py" line="173" />
            <source>Locking in %n second(s) because nothing was typed. Press any key or move the mouse to stay unlocked.</source>
            <translation>
                <numerusform>کچھ نہ لکھنے کی وجہ سے %n سیکنڈ میں لاک ہو جائے گا۔ کھلا رکھنے کے لیے کوئی کلید دبائیں یا ماؤس ہلائیں۔</numerusform>
                <numerusform>کچھ نہ لکھنے کی وجہ سے %n سیکنڈ میں لاک ہو جائے گا۔ کھلا رکھنے کے لیے کوئی کلید دبائیں یا ماؤس ہلائیں۔</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <location filename="../unlock_notices.py" line="46" />
            <source>&amp;Delete old drafts…</source>
            <translation>پرانے مسودے حذف کریں…</translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="48" />
            <source>Dismiss</source>
            <translation>بند کریں</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="70" />
            <source>%n wrong passphrase(s) were typed since this laptop was last unlocked. If that was not you, someone may have tried to open it.</source>
            <translation>
                <numerusform>اس لیپ ٹاپ کا لاک پچھلی بار کھلنے کے بعد سے %Ln بار غلط پاس ورڈ لکھا گیا۔ اگر یہ آپ نہیں تھے تو ہو سکتا ہے کسی نے اسے کھولنے کی کوشش کی ہو۔</numerusform>
                <numerusform>اس لیپ ٹاپ کا لاک پچھلی بار کھلنے کے بعد سے %Ln بار غلط پاس ورڈ لکھا گیا۔ اگر یہ آپ نہیں تھے تو ہو سکتا ہے کسی نے اسے کھولنے کی کوشش کی ہو۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="75" />
            <source>The protection settings file had been removed or changed and was put back. Someone may have tried to reset the wrong-passphrase counter.</source>
            <translation>حفاظتی ترتیبات کی فائل ہٹا دی گئی تھی یا بدل دی گئی تھی، اور اسے واپس رکھ دیا گیا۔ ہو سکتا ہے کسی نے غلط پاس ورڈ کی گنتی صفر کرنے کی کوشش کی ہو۔</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="83" />
            <source>%n draft(s) have not been saved for more than {days} days. Old drafts put people at risk if the laptop is taken: finish them or delete them.</source>
            <translation>
                <numerusform>%Ln مسودہ {days} دن سے زیادہ عرصے سے محفوظ نہیں کیا گیا۔ اگر لیپ ٹاپ کسی کے ہاتھ لگ جائے تو پرانے مسودے لوگوں کو خطرے میں ڈالتے ہیں: انہیں مکمل کریں یا حذف کریں۔</numerusform>
                <numerusform>%Ln مسودے {days} دن سے زیادہ عرصے سے محفوظ نہیں کیے گئے۔ اگر لیپ ٹاپ کسی کے ہاتھ لگ جائے تو پرانے مسودے لوگوں کو خطرے میں ڈالتے ہیں: انہیں مکمل کریں یا حذف کریں۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="91" />
            <source>Delete old drafts</source>
            <translation>پرانے مسودے حذف کریں</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="92" />
            <source>Delete %n old draft(s) for good? They cannot be recovered.</source>
            <translation>
                <numerusform>%Ln پرانا مسودہ ہمیشہ کے لیے حذف کریں؟ اسے واپس نہیں لایا جا سکتا۔</numerusform>
                <numerusform>%Ln پرانے مسودے ہمیشہ کے لیے حذف کریں؟ انہیں واپس نہیں لایا جا سکتا۔</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="105" />
            <source>%n old draft(s) deleted.</source>
            <translation>
                <numerusform>%Ln پرانا مسودہ حذف ہو گیا۔</numerusform>
                <numerusform>%Ln پرانے مسودے حذف ہو گئے۔</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutboxView</name>
        <message>
            <location filename="../outbox_view.py" line="36" />
            <source>Sealed bundles wait here until HQ confirms them with a signed receipt. Only HQ can open them.</source>
            <translation>سیل شدہ بنڈل یہاں رہتے ہیں جب تک ہیڈ آفس دستخط شدہ رسید سے ان کی تصدیق نہ کرے۔ انہیں صرف ہیڈ آفس کھول سکتا ہے۔</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="39" />
            <source>Sealed bundles</source>
            <translation>سیل شدہ بنڈل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Bundle</source>
            <translation>بنڈل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>File</source>
            <translation>فائل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Sealed</source>
            <translation>سیل شدہ</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Size</source>
            <translation>سائز</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="42" />
            <source>Records</source>
            <translation>ریکارڈز</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="42" />
            <source>Delivery</source>
            <translation>ترسیل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="54" />
            <source>&amp;Import HQ receipt…</source>
            <translation>ہیڈ آفس کی رسید درآمد کریں…</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="55" />
            <source>Import HQ receipt</source>
            <translation>ہیڈ آفس کی رسید درآمد کریں</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="78" />
            <source>Waiting for HQ</source>
            <translation>ہیڈ آفس کا انتظار</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="78" />
            <source>Delivered</source>
            <translation>پہنچ گیا</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="79" />
            <source>Abandoned</source>
            <translation>ترک شدہ</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="96" />
            <source>HQ receipt</source>
            <translation>ہیڈ آفس کی رسید</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="97" />
            <source>Receipts (*.sig *.receipt *.rcpt);;All files (*)</source>
            <translation>رسیدیں (*.sig *.receipt *.rcpt);;تمام فائلیں (*)</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="104" />
            <source>Checking the receipt…</source>
            <translation>رسید کی جانچ…</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="114" />
            <source>Receipt accepted.</source>
            <translation>رسید قبول ہو گئی۔</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="116" />
            <source>Delivered: bundle(s) {seqs}.</source>
            <translation>پہنچ گئے: بنڈل {seqs}۔</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="119" />
            <source>Already confirmed before: {seqs}.</source>
            <translation>پہلے ہی تصدیق شدہ: {seqs}۔</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="122" />
            <source>Not from this laptop's outbox: {seqs}.</source>
            <translation>اس لیپ ٹاپ کے آؤٹ باکس سے نہیں: {seqs}۔</translation>
        </message>
        <message numerus="yes">
            <location filename="../outbox_view.py" line="124" />
            <source>%n record(s) removed from this laptop.</source>
            <translation>
                <numerusform>%Ln ریکارڈ اس لیپ ٹاپ سے ہٹا دیے گئے۔</numerusform>
                <numerusform>%Ln ریکارڈ اس لیپ ٹاپ سے ہٹا دیے گئے۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="132" />
            <source>Receipt refused: {reason}</source>
            <translation>رسید مسترد: {reason}</translation>
        </message>
    </context>
    <context>
        <name>PanicConfirm</name>
        <message>
            <location filename="../panic_ui.py" line="71" />
            <source>Erase everything</source>
            <translation>سب کچھ مٹائیں</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="72" />
            <source>Erase everything on this laptop now?</source>
            <translation>کیا ابھی اس لیپ ٹاپ پر سب کچھ مٹا دیں؟</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="74" />
            <source>The records can never be opened again, not even with the passphrase. The app closes.

Enter: erase. Escape: cancel.</source>
            <translation>ریکارڈز پھر کبھی نہیں کھل سکیں گے، پاس ورڈ سے بھی نہیں۔ ایپ بند ہو جائے گی۔

مٹانے کے لیے Enter اور منسوخ کرنے کے لیے Escape دبائیں۔</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="77" />
            <source>&amp;Erase now</source>
            <translation>ابھی مٹا دیں</translation>
        </message>
    </context>
    <context>
        <name>PassphraseFields</name>
        <message>
            <location filename="../passphrase.py" line="73" />
            <source>New passphrase</source>
            <translation>نیا پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="76" />
            <source>Repeat the passphrase</source>
            <translation>پاس ورڈ دہرائیں</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="80" />
            <source>Passphrase strength</source>
            <translation>پاس ورڈ کی مضبوطی</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="83" />
            <source>Show passphrase</source>
            <translation>پاس ورڈ دکھائیں</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="86" />
            <source>&amp;New passphrase:</source>
            <translation>نیا پاس ورڈ:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="88" />
            <source>&amp;Repeat:</source>
            <translation>دہرائیں:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="92" />
            <source>Strength:</source>
            <translation>مضبوطی:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="110" />
            <source>Too short or too easy to guess (use at least 8 characters; several words are best)</source>
            <translation>بہت چھوٹا یا اندازہ لگانے میں آسان (کم از کم ۸ حروف؛ کئی الفاظ بہتر ہیں)</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="112" />
            <source>Weak</source>
            <translation>کمزور</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="113" />
            <source>Fair</source>
            <translation>درمیانہ</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="114" />
            <source>Strong</source>
            <translation>مضبوط</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="115" />
            <source>Very strong</source>
            <translation>بہت مضبوط</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="124" />
            <source>The two passphrases do not match.</source>
            <translation>دونوں پاس ورڈ ایک جیسے نہیں۔</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <location filename="../wizard.py" line="102" />
            <source>Choose a passphrase</source>
            <translation>پاس ورڈ چنیں</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="103" />
            <source>It protects every record on this laptop. Several unrelated words are easy to remember and hard to guess. There is no way to recover it if it is forgotten.</source>
            <translation>یہ اس لیپ ٹاپ کے ہر ریکارڈ کی حفاظت کرتا ہے۔ کئی غیر متعلق الفاظ یاد رکھنا آسان اور اندازہ لگانا مشکل ہے۔ بھول جانے پر اسے واپس حاصل کرنے کا کوئی طریقہ نہیں۔</translation>
        </message>
    </context>
    <context>
        <name>ProfilePage</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="43" />
            <source>Create the HQ profile</source>
            <translation>ہیڈ آفس پروفائل بنائیں</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="45" />
            <source>This computer will hold HQ's keys and every record the laptops send. The passphrase protects them; there is no way to recover it if it is forgotten.</source>
            <translation>یہ کمپیوٹر ہیڈ آفس کی کلیدیں اور لیپ ٹاپس کا بھیجا ہر ریکارڈ رکھے گا۔ پاس فریز ان کی حفاظت کرتا ہے؛ بھول جانے پر اسے بحال کرنے کا کوئی طریقہ نہیں۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="48" />
            <source>Organisation name</source>
            <translation>تنظیم کا نام</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="49" />
            <source>As field staff know it</source>
            <translation>جیسے فیلڈ عملہ اسے جانتا ہے</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="55" />
            <source>Use a &amp;team database…</source>
            <translation>&amp;ٹیم ڈیٹابیس استعمال کریں…</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="56" />
            <source>Keep them on this &amp;computer</source>
            <translation>انہیں اسی &amp;کمپیوٹر پر رکھیں</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="62" />
            <source>Organisation name:</source>
            <translation>تنظیم کا نام:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="63" />
            <source>Records and cases:</source>
            <translation>ریکارڈ اور کیس:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="89" />
            <source>On this computer, in the encrypted profile.</source>
            <translation>اسی کمپیوٹر پر، خفیہ شدہ پروفائل میں۔</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="90" />
            <source>In the team database {url}</source>
            <translation>ٹیم ڈیٹابیس {url} میں</translation>
        </message>
    </context>
    <context>
        <name>ProtectionPage</name>
        <message>
            <location filename="../protect_settings.py" line="43" />
            <source>Never</source>
            <translation>کبھی نہیں</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="45" />
            <source>Erase after this many wrong passphrases</source>
            <translation>اتنی بار غلط پاس ورڈ کے بعد مٹائیں</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="47" />
            <source>Erase them too</source>
            <translation>انہیں بھی مٹا دیں</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="48" />
            <source>Keep them (only HQ can open them)</source>
            <translation>انہیں رکھیں (انہیں صرف ہیڈ آفس کھول سکتا ہے)</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="50" />
            <source>Sealed bundles when erasing</source>
            <translation>مٹاتے وقت سیل شدہ بنڈل</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="54" />
            <source> s</source>
            <translation> سیکنڈ</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="55" />
            <source>Clear copied text after seconds</source>
            <translation>سیکنڈوں بعد کاپی شدہ متن صاف کریں</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="56" />
            <source>Erasing</source>
            <translation>مٹانا</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="58" />
            <source>&amp;Erase everything after this many wrong passphrases:</source>
            <translation>اتنی بار غلط پاس ورڈ کے بعد سب کچھ مٹائیں:</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="60" />
            <source>Sealed &amp;bundles in the outbox, on panic or erase:</source>
            <translation>آؤٹ باکس میں سیل شدہ بنڈل، مٹاتے وقت (ہنگامی یا خودکار):</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="62" />
            <source>Clear &amp;copied text after (seconds):</source>
            <translation>کاپی شدہ متن صاف کریں بعد از (سیکنڈ):</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="63" />
            <source>Panic: Ctrl+Shift+Delete on any screen, or the red button. It erases at once and closes the app.</source>
            <translation>ہنگامی طور پر مٹانا: کسی بھی اسکرین پر Ctrl+Shift+Delete، یا سرخ بٹن۔ یہ فوراً سب کچھ مٹا کر ایپ بند کر دیتا ہے۔</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="68" />
            <source>&amp;When it is used, first erase the real records (silently)</source>
            <translation>جب یہ استعمال ہو تو پہلے اصل ریکارڈز (خاموشی سے) مٹا دیں</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="70" />
            <source>Set duress passphrase</source>
            <translation>دباؤ والا پاس ورڈ مقرر کریں</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="71" />
            <source>Remove any duress passphrase</source>
            <translation>دباؤ والا پاس ورڈ ہٹائیں (اگر ہو)</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="74" />
            <source>A second passphrase to give if you are forced to open the app. It opens a harmless practice profile instead of your records. The app never shows whether one is set.</source>
            <translation>ایک دوسرا پاس ورڈ، اس وقت کے لیے جب آپ کو ایپ کھولنے پر مجبور کیا جائے۔ یہ آپ کے ریکارڈز کے بجائے ایک بے ضرر مشق والی پروفائل کھولتا ہے۔ ایپ کبھی نہیں دکھاتی کہ ایسا پاس ورڈ مقرر ہے یا نہیں۔</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="77" />
            <source>Duress passphrase</source>
            <translation>دباؤ والا پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="110" />
            <source>Setting the duress passphrase…</source>
            <translation>دباؤ والا پاس ورڈ مقرر ہو رہا ہے…</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="114" />
            <source>Duress passphrase set. Never write it next to your passphrase.</source>
            <translation>دباؤ والا پاس ورڈ مقرر ہو گیا۔ اسے کبھی اپنے اصل پاس ورڈ کے ساتھ نہ لکھیں۔</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="120" />
            <source>Removing…</source>
            <translation>ہٹایا جا رہا ہے…</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="123" />
            <source>No duress passphrase is set now.</source>
            <translation>اب کوئی دباؤ والا پاس ورڈ مقرر نہیں ہے۔</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="../qt_texts.py" line="17" />
            <source>OK</source>
            <translation>ٹھیک ہے</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="18" />
            <source>Cancel</source>
            <translation>منسوخ کریں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="19" />
            <source>&amp;Yes</source>
            <translation>ہاں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="20" />
            <source>&amp;No</source>
            <translation>نہیں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="21" />
            <source>Close</source>
            <translation>بند کریں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="22" />
            <source>Save</source>
            <translation>محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="23" />
            <source>Discard</source>
            <translation>رد کریں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="24" />
            <source>Apply</source>
            <translation>لاگو کریں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="25" />
            <source>Open</source>
            <translation>کھولیں</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="26" />
            <source>Retry</source>
            <translation>دوبارہ کوشش کریں</translation>
        </message>
    </context>
    <context>
        <name>ReceiptsView</name>
        <message>
            <location filename="../hq/receipts_view.py" line="40" />
            <source>A receipt tells a laptop which of its bundles HQ holds, so it can mark them delivered. Receipts hold no record content.</source>
            <translation>رسید لیپ ٹاپ کو بتاتی ہے کہ اس کے کون سے بنڈل ہیڈ آفس کے پاس ہیں، تاکہ وہ انہیں پہنچ گئے نشان زد کرے۔ رسیدوں میں ریکارڈ کا کوئی مواد نہیں ہوتا۔</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="43" />
            <source>Bundles received per device</source>
            <translation>ہر ڈیوائس سے موصول بنڈل</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="44" />
            <source>Device</source>
            <translation>ڈیوائس</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="44" />
            <source>Bundles received</source>
            <translation>موصول بنڈل</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="45" />
            <source>Through sequence</source>
            <translation>نمبر تک</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="46" />
            <source>&amp;Write receipts to a folder…</source>
            <translation>رسیدیں فولڈر میں لکھیں…</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="48" />
            <source>Drop box address (https://…)</source>
            <translation>ڈراپ باکس کا پتہ (https://…)</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="49" />
            <source>Drop box address</source>
            <translation>ڈراپ باکس کا پتہ</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="50" />
            <source>&amp;Publish to drop box</source>
            <translation>ڈراپ باکس پر شائع کریں</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="80" />
            <source>No bundles imported yet: nothing to acknowledge.</source>
            <translation>ابھی کوئی بنڈل درآمد نہیں ہوا: تصدیق کے لیے کچھ نہیں۔</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="83" />
            <source>Folder for the receipts</source>
            <translation>رسیدوں کے لیے فولڈر</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/receipts_view.py" line="104" />
            <source>Wrote %n receipt(s) to {folder}.</source>
            <translation>
                <numerusform>%n رسیدیں {folder} میں لکھی گئیں۔</numerusform>
                <numerusform>%n رسیدیں {folder} میں لکھی گئیں۔</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/receipts_view.py" line="116" />
            <source>Published %n receipt(s).</source>
            <translation>
                <numerusform>%n رسیدیں شائع ہو گئیں۔</numerusform>
                <numerusform>%n رسیدیں شائع ہو گئیں۔</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordEditor</name>
        <message>
            <location filename="../editor/editor.py" line="85" />
            <source>Form language</source>
            <translation>فارم کی زبان</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="91" />
            <source>Form language:</source>
            <translation>فارم کی زبان:</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="95" />
            <source>Sections</source>
            <translation>حصے</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="108" />
            <source>&amp;Previous</source>
            <translation>پچھلا</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="109" />
            <source>Ne&amp;xt</source>
            <translation>اگلا</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="110" />
            <location filename="../editor/editor.py" line="462" />
            <source>&amp;Save draft</source>
            <translation>مسودہ محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="111" />
            <source>Save the answers so far (Ctrl+S)</source>
            <translation>اب تک کے جوابات محفوظ کریں (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="112" />
            <source>&amp;Finalize…</source>
            <translation>حتمی بنائیں…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="113" />
            <source>Re&amp;view answers</source>
            <translation>جوابات کا جائزہ</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="114" />
            <source>Every answer on one page, before finalizing</source>
            <translation>حتمی بنانے سے پہلے تمام جوابات ایک صفحے پر</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="115" />
            <source>&amp;Close</source>
            <translation>بند کریں</translation>
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
            <translation>تبدیلیاں محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="490" />
            <source>Finalize record</source>
            <translation>ریکارڈ حتمی بنائیں</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="491" />
            <source>Finalize this record? It will be ready to send to HQ. Check the answers with the person first.</source>
            <translation>کیا یہ ریکارڈ حتمی بنایا جائے؟ یہ ہیڈ آفس بھیجنے کے لیے تیار ہو جائے گا۔ پہلے جوابات اس شخص کے ساتھ چیک کریں۔</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="510" />
            <source>Saving…</source>
            <translation>محفوظ ہو رہا ہے…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="531" />
            <source>Record finalized at {time}.</source>
            <translation>ریکارڈ {time} پر حتمی ہو گیا۔</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="534" />
            <source>Saved at {time}.</source>
            <translation>{time} پر محفوظ ہوا۔</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="550" />
            <source>Not saved: {reason}</source>
            <translation>محفوظ نہیں ہوا: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/editor.py" line="573" />
            <source>Not saved: %n answer(s) need attention (marked in red).</source>
            <translation>
                <numerusform>محفوظ نہیں ہوا: %Ln جوابات توجہ چاہتے ہیں (سرخ رنگ میں)۔</numerusform>
                <numerusform>محفوظ نہیں ہوا: %Ln جوابات توجہ چاہتے ہیں (سرخ رنگ میں)۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="580" />
            <source>Close record</source>
            <translation>ریکارڈ بند کریں</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="581" />
            <source>Close without saving? The answers since the last save will be lost.</source>
            <translation>محفوظ کیے بغیر بند کریں؟ آخری بار محفوظ کرنے کے بعد کے جوابات ضائع ہو جائیں گے۔</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="118" />
            <source>Save state</source>
            <translation>محفوظ کرنے کی حالت</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="170" />
            <source>All changes saved.</source>
            <translation>تمام تبدیلیاں محفوظ ہو گئیں۔</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/editor.py" line="569" />
            <source>Draft saved; %n answer(s) needed before finalizing (marked in red).</source>
            <translation>
                <numerusform>مسودہ محفوظ ہو گیا؛ حتمی کرنے سے پہلے %n جوابات درکار ہیں (سرخ نشان زدہ)۔</numerusform>
                <numerusform>مسودہ محفوظ ہو گیا؛ حتمی کرنے سے پہلے %n جوابات درکار ہیں (سرخ نشان زدہ)۔</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordView</name>
        <message>
            <location filename="../hq/record_view.py" line="50" />
            <source>Open a record from the list.</source>
            <translation>فہرست سے ایک ریکارڈ کھولیں۔</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="52" />
            <source>Answers</source>
            <translation>جوابات</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="54" />
            <source>Question</source>
            <translation>سوال</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="54" />
            <source>Answer</source>
            <translation>جواب</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="58" />
            <location filename="../hq/record_view.py" line="74" />
            <source>Attachments</source>
            <translation>منسلکات</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="59" />
            <source>Attachment</source>
            <translation>منسلکہ</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="59" />
            <source>Type</source>
            <translation>قسم</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="60" />
            <source>Size</source>
            <translation>سائز</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="62" />
            <source>&amp;Open</source>
            <translation>کھولیں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="63" />
            <source>Photos and audio open in memory</source>
            <translation>تصاویر اور آڈیو میموری میں کھلتے ہیں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="64" />
            <source>&amp;Save as…</source>
            <translation>اس نام سے محفوظ کریں…</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="65" />
            <source>Writes an unencrypted copy where you choose</source>
            <translation>آپ کی منتخب جگہ پر ایک غیر خفیہ نقل لکھتا ہے</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="97" />
            <source>Opening…</source>
            <translation>کھل رہا ہے…</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="106" />
            <source>Record {id} · {form} · revision {rev} · updated {when}</source>
            <translation>ریکارڈ {id} · {form} · نظرثانی {rev} · تازہ کاری {when}</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="170" />
            <source>Save attachment</source>
            <translation>منسلکہ محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="171" />
            <source>The copy you save is NOT encrypted: it leaves the protected store. Keep it on an encrypted disk and delete it when done. Save {name}?</source>
            <translation>جو نقل آپ محفوظ کرتے ہیں وہ خفیہ نہیں: یہ محفوظ ذخیرے سے باہر جاتی ہے۔ اسے خفیہ ڈسک پر رکھیں اور کام کے بعد حذف کریں۔ {name} محفوظ کریں؟</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="175" />
            <source>Save attachment as</source>
            <translation>منسلکہ اس نام سے محفوظ کریں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="185" />
            <source>Saved an unencrypted copy to {path}.</source>
            <translation>ایک غیر خفیہ نقل {path} میں محفوظ ہو گئی۔</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="217" />
            <source>Row {n}</source>
            <translation>قطار {n}</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="232" />
            <source>Yes</source>
            <translation>ہاں</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="233" />
            <source>No</source>
            <translation>نہیں</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Record</source>
            <translation>ریکارڈ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Form</source>
            <translation>فارم</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Status</source>
            <translation>حالت</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Updated</source>
            <translation>تازہ کاری</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Interview date</source>
            <translation>انٹرویو کی تاریخ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="90" />
            <source>Draft</source>
            <translation>مسودہ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="91" />
            <source>Finalized</source>
            <translation>حتمی</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="92" />
            <source>Sealed</source>
            <translation>سیل شدہ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="93" />
            <source>Delivered</source>
            <translation>پہنچ گیا</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="94" />
            <source>Received</source>
            <translation>موصول</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="130" />
            <source>Record {id}</source>
            <translation>ریکارڈ {id}</translation>
        </message>
    </context>
    <context>
        <name>RecordsView</name>
        <message>
            <location filename="../records_view.py" line="256" />
            <source>Search records…</source>
            <translation>ریکارڈز میں تلاش…</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="257" />
            <source>Search records</source>
            <translation>ریکارڈز میں تلاش</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="260" />
            <source>Filter by status</source>
            <translation>حالت کے لحاظ سے فلٹر</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="261" />
            <source>All statuses</source>
            <translation>تمام حالتیں</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="265" />
            <source>Filter by form</source>
            <translation>فارم کے لحاظ سے فلٹر</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="266" />
            <source>All forms</source>
            <translation>تمام فارم</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="270" />
            <source>Number of records</source>
            <translation>ریکارڈز کی تعداد</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="273" />
            <source>Records</source>
            <translation>ریکارڈز</translation>
        </message>
        <message numerus="yes">
            <location filename="../records_view.py" line="349" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%Ln نتائج</numerusform>
                <numerusform>%Ln نتائج</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../records_view.py" line="351" />
            <source>%n record(s)</source>
            <translation>
                <numerusform>%Ln ریکارڈ</numerusform>
                <numerusform>%Ln ریکارڈ</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../records_view.py" line="355" />
            <source>Loading…</source>
            <translation>لوڈ ہو رہا ہے…</translation>
        </message>
    </context>
    <context>
        <name>RepeatRow</name>
        <message>
            <location filename="../editor/repeat.py" line="34" />
            <source>Remove row</source>
            <translation>قطار ہٹائیں</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="48" />
            <source>Remove row {n}</source>
            <translation>قطار {n} ہٹائیں</translation>
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
            <translation>{name} میں قطار شامل کریں</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="69" />
            <source>Add to {name}</source>
            <translation>{name} میں شامل کریں</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../editor/review.py" line="95" />
            <source>Review the answers</source>
            <translation>جوابات کا جائزہ</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="101" />
            <source>All answers</source>
            <translation>تمام جوابات</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="104" />
            <source>&amp;Back to the form</source>
            <translation>فارم پر واپس</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="105" />
            <source>&amp;Finalize…</source>
            <translation>حتمی بنائیں…</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="134" />
            <source>Yes</source>
            <translation>ہاں</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="134" />
            <source>No</source>
            <translation>نہیں</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="148" />
            <source>Edit</source>
            <translation>ترمیم</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="149" />
            <source>Not answered</source>
            <translation>جواب نہیں دیا گیا</translation>
        </message>
    </context>
    <context>
        <name>SealPage</name>
        <message>
            <location filename="../export_view.py" line="189" />
            <source>Sealing</source>
            <translation>سیل ہو رہا ہے</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="190" />
            <source>The finalized records are being encrypted for HQ.</source>
            <translation>حتمی ریکارڈز ہیڈ آفس کے لیے خفیہ کیے جا رہے ہیں۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="192" />
            <source>Sealing progress</source>
            <translation>سیل کرنے کی پیش رفت</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="194" />
            <source>&amp;Cancel sealing</source>
            <translation>سیل کرنا منسوخ کریں</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="208" />
            <source>Preparing…</source>
            <translation>تیاری…</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="231" />
            <source>Sealed {done} of {total}.</source>
            <translation>{total} میں سے {done} سیل ہو گیا۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="238" />
            <source>Cancelling…</source>
            <translation>منسوخ ہو رہا ہے…</translation>
        </message>
    </context>
    <context>
        <name>SendPanel</name>
        <message>
            <location filename="../send_panel.py" line="27" />
            <source>&amp;Send now</source>
            <translation>ابھی بھیجیں</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="28" />
            <source>Send now</source>
            <translation>ابھی بھیجیں</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="30" />
            <source>Send the bundles waiting for HQ to the drop box, then collect HQ's receipt</source>
            <translation>ہیڈ آفس کے انتظار میں پڑے بنڈل ڈراپ باکس پر بھیجیں، پھر ہیڈ آفس کی رسید لیں</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="33" />
            <source>Sending progress</source>
            <translation>بھیجنے کی پیش رفت</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="74" />
            <source>Sending over the network is not set up (Settings, Sending).</source>
            <translation>انٹرنیٹ کے ذریعے بھیجنا ترتیب نہیں دیا گیا (ترتیبات، بھیجنا)۔</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="83" />
            <source>Connecting to the drop box…</source>
            <translation>ڈراپ باکس سے رابطہ ہو رہا ہے…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="85" />
            <source>Sending bundle {i} of {n} ({done} of {total})…</source>
            <translation>{n} میں سے بنڈل {i} بھیجا جا رہا ہے ({total} میں سے {done})…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="89" />
            <source>Collecting HQ's receipt…</source>
            <translation>ہیڈ آفس کی رسید لی جا رہی ہے…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="91" />
            <source>Last attempt at {time}.</source>
            <translation>آخری کوشش {time} پر۔</translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="94" />
            <source>%n bundle(s) sent.</source>
            <translation>
                <numerusform>%Ln بنڈل بھیجا گیا۔</numerusform>
                <numerusform>%Ln بنڈل بھیجے گئے۔</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="96" />
            <source>%n already at the drop box.</source>
            <translation>
                <numerusform>%Ln بنڈل پہلے سے ڈراپ باکس میں تھا۔</numerusform>
                <numerusform>%Ln بنڈل پہلے سے ڈراپ باکس میں تھے۔</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="98" />
            <source>%n refused by the drop box.</source>
            <translation>
                <numerusform>ڈراپ باکس نے %Ln بنڈل مسترد کر دیا۔</numerusform>
                <numerusform>ڈراپ باکس نے %Ln بنڈل مسترد کر دیے۔</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="100" />
            <source>HQ confirmed %n bundle(s).</source>
            <translation>
                <numerusform>ہیڈ آفس نے %Ln بنڈل کی تصدیق کی۔</numerusform>
                <numerusform>ہیڈ آفس نے %Ln بنڈلوں کی تصدیق کی۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="103" />
            <source>HQ's receipt was refused: {reason}</source>
            <translation>ہیڈ آفس کی رسید مسترد ہو گئی: {reason}</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="107" />
            <source>The drop box cannot be reached.</source>
            <translation>ڈراپ باکس تک رسائی نہیں ہو رہی۔</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="108" />
            <source>Next try at {time}.</source>
            <translation>اگلی کوشش {time} پر۔</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="111" />
            <source>The drop box cannot be reached. Nothing was lost: try again later.</source>
            <translation>ڈراپ باکس تک رسائی نہیں ہو رہی۔ کچھ ضائع نہیں ہوا: بعد میں دوبارہ کوشش کریں۔</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="114" />
            <source>Sending failed: {reason}</source>
            <translation>بھیجنا ناکام رہا: {reason}</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="116" />
            <source>Background sending is on.</source>
            <translation>پس منظر میں بھیجنا آن ہے۔</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="118" />
            <source>Ready to send. Bundles stay on this laptop until HQ's receipt confirms them.</source>
            <translation>بھیجنے کے لیے تیار۔ بنڈل اس لیپ ٹاپ پر رہتے ہیں جب تک ہیڈ آفس کی رسید ان کی تصدیق نہ کرے۔</translation>
        </message>
    </context>
    <context>
        <name>SendingPage</name>
        <message>
            <location filename="../sending_settings.py" line="24" />
            <source>Drop box address</source>
            <translation>ڈراپ باکس کا پتہ</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="27" />
            <source>SOCKS5 proxy</source>
            <translation>پراکسی (SOCKS5)</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="31" />
            <source>Send in the &amp;background when the drop box can be reached</source>
            <translation>جب ڈراپ باکس تک رسائی ہو تو پس منظر میں بھیجیں</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="38" />
            <source>HQ gives you the drop box address. With Tor running, use the proxy socks5://127.0.0.1:9050: every connection then goes through it. Bundles stay on this laptop until HQ's receipt confirms them.</source>
            <translation>ڈراپ باکس کا پتہ ہیڈ آفس آپ کو دیتا ہے۔ اگر Tor چل رہا ہو تو پراکسی socks5://127.0.0.1:9050 استعمال کریں: پھر ہر کنکشن اسی سے گزرتا ہے۔ بنڈل اس لیپ ٹاپ پر رہتے ہیں جب تک ہیڈ آفس کی رسید ان کی تصدیق نہ کرے۔</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="42" />
            <source>&amp;Drop box address:</source>
            <translation>ڈراپ باکس کا پتہ:</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="43" />
            <source>SOCKS5 pro&amp;xy (optional):</source>
            <translation>پراکسی (SOCKS5، اختیاری):</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../settings.py" line="57" />
            <source>Settings</source>
            <translation>ترتیبات</translation>
        </message>
        <message>
            <location filename="../settings.py" line="63" />
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <location filename="../settings.py" line="67" />
            <source>Lock after minutes without use</source>
            <translation>استعمال کے بغیر منٹوں بعد لاک</translation>
        </message>
        <message>
            <location filename="../settings.py" line="70" />
            <source> min</source>
            <translation> منٹ</translation>
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
            <translation>لاک کریں بعد از (بغیر استعمال منٹ):</translation>
        </message>
        <message>
            <location filename="../settings.py" line="75" />
            <source>HQ's policy allows at most {n} minutes.</source>
            <translation>ہیڈ آفس کی پالیسی زیادہ سے زیادہ {n} منٹ کی اجازت دیتی ہے۔</translation>
        </message>
        <message>
            <location filename="../settings.py" line="80" />
            <source>Current passphrase</source>
            <translation>موجودہ پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../settings.py" line="82" />
            <source>&amp;Change passphrase</source>
            <translation>پاس ورڈ تبدیل کریں</translation>
        </message>
        <message>
            <location filename="../settings.py" line="84" />
            <source>Passphrase</source>
            <translation>پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../settings.py" line="86" />
            <source>C&amp;urrent passphrase:</source>
            <translation>موجودہ پاس ورڈ:</translation>
        </message>
        <message>
            <location filename="../settings.py" line="93" />
            <source>Not enrolled with HQ yet.</source>
            <translation>ابھی ہیڈ آفس کے ساتھ اندراج نہیں ہوا۔</translation>
        </message>
        <message>
            <location filename="../settings.py" line="101" />
            <source>Device fingerprint</source>
            <translation>ڈیوائس فنگر پرنٹ</translation>
        </message>
        <message>
            <location filename="../settings.py" line="102" />
            <source>This laptop</source>
            <translation>یہ لیپ ٹاپ</translation>
        </message>
        <message>
            <location filename="../settings.py" line="104" />
            <source>Device fingerprint (HQ may ask you to read it out):</source>
            <translation>ڈیوائس فنگر پرنٹ (ہیڈ آفس آپ سے اسے پڑھنے کو کہہ سکتا ہے):</translation>
        </message>
        <message>
            <location filename="../settings.py" line="120" />
            <source>&amp;General</source>
            <translation>عمومی</translation>
        </message>
        <message>
            <location filename="../settings.py" line="121" />
            <source>&amp;Protection</source>
            <translation>حفاظت</translation>
        </message>
        <message>
            <location filename="../settings.py" line="122" />
            <source>Send&amp;ing</source>
            <translation>بھیجنا</translation>
        </message>
        <message>
            <location filename="../settings.py" line="150" />
            <source>Changing the passphrase…</source>
            <translation>پاس ورڈ تبدیل ہو رہا ہے…</translation>
        </message>
        <message>
            <location filename="../settings.py" line="157" />
            <source>Passphrase changed. Use the new one from now on.</source>
            <translation>پاس ورڈ تبدیل ہو گیا۔ اب سے نیا استعمال کریں۔</translation>
        </message>
        <message>
            <location filename="../settings.py" line="162" />
            <source>The current passphrase is wrong.</source>
            <translation>موجودہ پاس ورڈ غلط ہے۔</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message numerus="yes">
            <location filename="../export_view.py" line="294" />
            <source>%n sealed volume(s) that never reached a stick were written too.</source>
            <translation>
                <numerusform>%Ln مہر بند حصہ جو کبھی USB تک نہیں پہنچا تھا، وہ بھی لکھ دیا گیا۔</numerusform>
                <numerusform>%Ln مہر بند حصے جو کبھی USB تک نہیں پہنچے تھے، وہ بھی لکھ دیے گئے۔</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="265" />
            <source>Done</source>
            <translation>مکمل</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="280" />
            <source>Cancelled</source>
            <translation>منسوخ</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="281" />
            <source>Sealing was cancelled. Nothing new was written; the records stay finalized.</source>
            <translation>سیل کرنا منسوخ ہو گیا۔ کچھ نیا نہیں لکھا گیا؛ ریکارڈز حتمی رہیں گے۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="284" />
            <source>Not sealed</source>
            <translation>سیل نہیں ہوا</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="285" />
            <source>Sealing failed: {reason}</source>
            <translation>سیل کرنا ناکام رہا: {reason}</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="290" />
            <source>There was nothing to seal: finalize records first.</source>
            <translation>سیل کرنے کو کچھ نہیں تھا: پہلے ریکارڈز حتمی بنائیں۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="292" />
            <source>Sealed</source>
            <translation>سیل شدہ</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_view.py" line="297" />
            <source>%n record(s) sealed, with {att} attachment(s), into {files} file(s) ({size}) in {dest}:</source>
            <translation>
                <numerusform>%Ln ریکارڈ، {att} منسلکات کے ساتھ، {files} فائلوں ({size}) میں {dest} میں سیل ہو گئے:</numerusform>
                <numerusform>%Ln ریکارڈ، {att} منسلکات کے ساتھ، {files} فائلوں ({size}) میں {dest} میں سیل ہو گئے:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="304" />
            <source>Remove the USB stick safely: use “Eject” or “Safely remove” before pulling it out, then hand it over.</source>
            <translation>یو ایس بی کو محفوظ طریقے سے نکالیں: کھینچنے سے پہلے «Eject» یا «Safely remove» استعمال کریں، پھر اسے حوالے کریں۔</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="307" />
            <source>If this folder is on a USB stick, eject it safely before pulling it out.</source>
            <translation>اگر یہ فولڈر یو ایس بی پر ہے تو نکالنے سے پہلے اسے محفوظ طریقے سے الگ کریں۔</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <location filename="../unlock.py" line="32" />
            <source>Intake is locked</source>
            <translation>ایپ لاک ہے</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="38" />
            <source>Type your passphrase to open your records.</source>
            <translation>اپنے ریکارڈز کھولنے کے لیے پاس ورڈ لکھیں۔</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="42" />
            <location filename="../unlock.py" line="43" />
            <source>Passphrase</source>
            <translation>پاس ورڈ</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="45" />
            <source>&amp;Unlock</source>
            <translation>لاک کھولیں</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="47" />
            <source>Unlock</source>
            <translation>لاک کھولیں</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="55" />
            <source>Opening</source>
            <translation>کھل رہا ہے</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="58" />
            <source>Emergency erase…</source>
            <translation>ہنگامی طور پر مٹائیں…</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="60" />
            <source>Emergency erase</source>
            <translation>ہنگامی طور پر مٹائیں</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="62" />
            <source>Erase everything on this laptop now and close the app (Ctrl+Shift+Delete)</source>
            <translation>ابھی اس لیپ ٹاپ پر سب کچھ مٹا دیں اور ایپ بند کر دیں (Ctrl+Shift+Delete)</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="103" />
            <source>Type your passphrase first.</source>
            <translation>پہلے اپنا پاس ورڈ لکھیں۔</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="123" />
            <source>Wrong passphrase. Check the keyboard language and Caps Lock, then try again.</source>
            <translation>غلط پاس ورڈ۔ کی بورڈ کی زبان اور Caps Lock چیک کریں، پھر دوبارہ کوشش کریں۔</translation>
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
            <translation>یہ ایپ انٹرویو کے ریکارڈز اس لیپ ٹاپ پر خفیہ رکھتی ہے اور انہیں اس طرح سیل کرتی ہے کہ صرف ہیڈ آفس پڑھ سکے۔</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="67" />
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="70" />
            <source>&amp;Set up this laptop for field work</source>
            <translation>اس لیپ ٹاپ کو فیلڈ ورک کے لیے تیار کریں</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="71" />
            <source>&amp;Try a demo first (sample records, kept apart from real data)</source>
            <translation>پہلے ڈیمو آزمائیں (نمونہ ریکارڈز، اصل ڈیٹا سے الگ)</translation>
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
            <translation>ریکارڈز</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="69" />
            <source>&amp;Outbox</source>
            <translation>آؤٹ باکس</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="98" />
            <source>No forms</source>
            <translation>کوئی فارم نہیں</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="99" />
            <source>No forms are installed. Enroll with HQ first.</source>
            <translation>کوئی فارم انسٹال نہیں۔ پہلے ہیڈ آفس کے ساتھ اندراج کریں۔</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="134" />
            <source>Record sealed</source>
            <translation>ریکارڈ سیل شدہ</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="135" />
            <source>This record is sealed for HQ. No readable copy is kept on this laptop.</source>
            <translation>یہ ریکارڈ ہیڈ آفس کے لیے سیل ہے۔ اس لیپ ٹاپ پر کوئی قابلِ مطالعہ نقل نہیں رکھی جاتی۔</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="164" />
            <source>Close record</source>
            <translation>ریکارڈ بند کریں</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="165" />
            <source>Close without saving? The answers since the last save will be lost.</source>
            <translation>محفوظ کیے بغیر بند کریں؟ آخری بار محفوظ کرنے کے بعد کے جوابات ضائع ہو جائیں گے۔</translation>
        </message>
    </context>
    <context>
        <name>YesNoField</name>
        <message>
            <location filename="../editor/choice_fields.py" line="195" />
            <source>Yes</source>
            <translation>ہاں</translation>
        </message>
        <message>
            <location filename="../editor/choice_fields.py" line="196" />
            <source>No</source>
            <translation>نہیں</translation>
        </message>
    </context>
</TS>
