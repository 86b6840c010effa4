<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ps_AF">
    <context>
        <name>AttachmentField</name>
        <message>
            <location filename="../editor/attachment_fields.py" line="66" />
            <location filename="../editor/attachment_fields.py" line="158" />
            <source>No file</source>
            <translation>فایل نشته</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="68" />
            <source>Add file…</source>
            <translation>فایل ورزیاتول…</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="69" />
            <source>View</source>
            <translation>کتل</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="70" />
            <source>Remove</source>
            <translation>لرې کول</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="86" />
            <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</source>
            <translation>انځورونه (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="88" />
            <source>Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)</source>
            <translation>غږ (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="90" />
            <source>Video (*.mp4 *.mov *.mkv *.3gp *.webm)</source>
            <translation>ویډیو (*.mp4 *.mov *.mkv *.3gp *.webm)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="91" />
            <source>All files (*)</source>
            <translation>ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="95" />
            <source>Add a file</source>
            <translation>یو فایل ورزیاتول</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="174" />
            <source>stored file</source>
            <translation>خوندي شوی فایل</translation>
        </message>
    </context>
    <context>
        <name>AttachmentViewer</name>
        <message>
            <location filename="../editor/attachment_fields.py" line="189" />
            <source>Attachment</source>
            <translation>ضمیمه</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="197" />
            <source>Photo</source>
            <translation>انځور</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="202" />
            <source>{name}: {size}. This file type cannot be shown here.</source>
            <translation>{name}: {size}. دا ډول فایل دلته نه ښودل کېږي.</translation>
        </message>
        <message>
            <location filename="../editor/attachment_fields.py" line="204" />
            <source>Close</source>
            <translation>بندول</translation>
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <location filename="../hq/record_view.py" line="246" />
            <source>Audio</source>
            <translation>غږ</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="257" />
            <source>{name}: {size}. This build cannot play audio; use Save as… only if you must.</source>
            <translation>{name}: {size}. دا نسخه غږ نشي غږولی؛ یوازې که اړتیا وي «په نوم خوندي کول…» وکاروئ.</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="265" />
            <source>&amp;Play</source>
            <translation>غږول</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="266" />
            <source>S&amp;top</source>
            <translation>درول</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="272" />
            <source>Close</source>
            <translation>بندول</translation>
        </message>
    </context>
    <context>
        <name>AuditorWindow</name>
        <message>
            <location filename="../auditor/window.py" line="74" />
            <source>Intake auditor</source>
            <translation>د Intake پلټونکی</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="77" />
            <source>Open &amp;keyring…</source>
            <translation>د کلیو کړۍ پرانیستل…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="78" />
            <source>Open HQ &amp;log (optional)…</source>
            <translation>د مرکزي دفتر د پېښو لاګ پرانیستل (اختیاري)…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="79" />
            <source>&amp;Add bundles…</source>
            <translation>کڅوړې اضافه کول…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="80" />
            <source>C&amp;lear bundles</source>
            <translation>کڅوړې پاکول</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="81" />
            <source>&amp;Save report…</source>
            <translation>راپور خوندي کول…</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="82" />
            <source>No keyring open. Open the keyring HQ published (keyring.sig).</source>
            <translation>د کلیو هېڅ کړۍ پرانیستې نه ده. هغه کړۍ پرانیزئ چې مرکزي دفتر خپره کړې (keyring.sig).</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="86" />
            <source>No HQ log: bundles are checked on their own.</source>
            <translation>د مرکزي دفتر لاګ نشته: کڅوړې یوازې پخپله کتل کېږي.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="87" />
            <source>Drop bundle files (*.intake) or folders here. They are verified, never decrypted: no private key is needed.</source>
            <translation>د کڅوړو فایلونه (*.intake) یا فولډرونه دلته راکاږئ. هغوی تاییدېږي، هېڅکله نه پرانیستل کېږي: شخصي کلي ته اړتیا نشته.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="97" />
            <source>Verdicts</source>
            <translation>پرېکړې</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>Verdict</source>
            <translation>پرېکړه</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="98" />
            <source>Device</source>
            <translation>وسیله</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="99" />
            <source>Sequence</source>
            <translation>ترتیب شمېره</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="99" />
            <source>In HQ's log</source>
            <translation>د مرکزي دفتر په لاګ کې</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="100" />
            <source>Reason or notes</source>
            <translation>لامل یا یادښتونه</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="130" />
            <source>HQ's keyring</source>
            <translation>د مرکزي دفتر د کلیو کړۍ</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="131" />
            <source>Keyring (*.sig);;All files (*)</source>
            <translation>د کلیو کړۍ (*.sig);;ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="139" />
            <source>Cannot open {path}: {error}</source>
            <translation>{path} نه پرانیستل کېږي: {error}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="144" />
            <source>Keyring of {org} ({hq}), serial {serial}, {n} device(s). HQ fingerprint: {fp}. Compare it with the one HQ gave you in person.</source>
            <translation>د {org} ({hq}) د کلیو کړۍ، لړۍ {serial}، {n} وسیلې. د مرکزي دفتر د ګوتو نښه: {fp}. له هغې سره یې پرتله کړئ چې مرکزي دفتر مخامخ درکړې.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="151" />
            <source>HQ's event log</source>
            <translation>د مرکزي دفتر د پېښو لاګ</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="152" />
            <source>Event log (*.jsonl *.log);;All files (*)</source>
            <translation>د پېښو لاګ (*.jsonl *.log);;ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="158" />
            <source>HQ log: {path}</source>
            <translation>د مرکزي دفتر لاګ: {path}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="162" />
            <source>Bundles</source>
            <translation>کڅوړې</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="163" />
            <source>Bundles (*.intake);;All files (*)</source>
            <translation>کڅوړې (*.intake);;ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="199" />
            <source>Open HQ's keyring to check these bundles.</source>
            <translation>د دې کڅوړو د کتلو لپاره د مرکزي دفتر د کلیو کړۍ پرانیزئ.</translation>
        </message>
        <message numerus="yes">
            <location filename="../auditor/window.py" line="203" />
            <source>Checking %n bundle(s)…</source>
            <translation>
                <numerusform>د %Ln کڅوړو کتنه…</numerusform>
                <numerusform>د %Ln کڅوړو کتنه…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="220" />
            <source>entry {n}</source>
            <translation>ننوتنه {n}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="221" />
            <source>not recorded</source>
            <translation>نه دی ثبت شوی</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="224" />
            <source>Valid</source>
            <translation>سم</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="224" />
            <source>Refused</source>
            <translation>رد شوه</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="229" />
            <source>{good} valid, {bad} refused.</source>
            <translation>{good} سم، {bad} رد شوې.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="232" />
            <source>HQ's log verifies.</source>
            <translation>د مرکزي دفتر لاګ تایید شو.</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="233" />
            <source>HQ's log has problems: {problems}</source>
            <translation>د مرکزي دفتر لاګ ستونزې لري: {problems}</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="249" />
            <source>Save the audit report</source>
            <translation>د پلټنې راپور خوندي کول</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="250" />
            <source>HTML report (*.html)</source>
            <translation>HTML راپور (*.html)</translation>
        </message>
        <message>
            <location filename="../auditor/window.py" line="265" />
            <source>Saved the report to {path}.</source>
            <translation>راپور په {path} کې خوندي شو.</translation>
        </message>
    </context>
    <context>
        <name>CaseDesk</name>
        <message>
            <location filename="../hq/case_desk.py" line="46" />
            <source>Working as</source>
            <translation>د دې په نوم کار</translation>
        </message>
        <message>
            <location filename="../hq/case_desk.py" line="48" />
            <source>&amp;Working as:</source>
            <translation>&amp;د دې په نوم کار:</translation>
        </message>
    </context>
    <context>
        <name>CaseLabels</name>
        <message>
            <location filename="../hq/case_labels.py" line="28" />
            <source>New</source>
            <translation>نوی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="29" />
            <source>Triaged</source>
            <translation>لومړنۍ کتنه شوې</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="30" />
            <source>In progress</source>
            <translation>روان</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="31" />
            <location filename="../hq/case_labels.py" line="54" />
            <source>Referred</source>
            <translation>ولېږدول شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="32" />
            <source>Closed</source>
            <translation>وتړل شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="37" />
            <source>Low</source>
            <translation>ټیټ</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="38" />
            <source>Medium</source>
            <translation>منځنی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="39" />
            <source>High</source>
            <translation>لوړ</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="40" />
            <source>Urgent</source>
            <translation>بیړنی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="41" />
            <source>As the form says</source>
            <translation>د فورمې له مخې</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="46" />
            <source>Opened</source>
            <translation>پرانیستل شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="47" />
            <source>Status changed</source>
            <translation>حالت بدل شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="48" />
            <source>Reopened</source>
            <translation>بیا پرانیستل شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="49" />
            <source>Priority changed</source>
            <translation>لومړیتوب بدل شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="50" />
            <source>Assigned</source>
            <translation>وسپارل شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="51" />
            <source>Note</source>
            <translation>یادښت</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="52" />
            <source>Follow-up added</source>
            <translation>تعقیب زیات شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="53" />
            <source>Follow-up done</source>
            <translation>تعقیب بشپړ شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="55" />
            <source>Referral refused</source>
            <translation>لېږدونه رد شوه</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="56" />
            <source>Merged</source>
            <translation>یوځای شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="57" />
            <source>Merged into another case</source>
            <translation>له بلې قضیې سره یوځای شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="58" />
            <location filename="../hq/case_labels.py" line="59" />
            <source>Unmerged</source>
            <translation>یوځای کېدل لغوه شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="60" />
            <source>Marked as not a duplicate</source>
            <translation>د نه تکرار په توګه په نښه شو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="61" />
            <source>Not-a-duplicate mark undone</source>
            <translation>د نه تکرار نښه لغوه شوه</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="65" />
            <source>(no name)</source>
            <translation>(بې نومه)</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="72" />
            <source>{level}: {field} within {n} days</source>
            <translation>{level}: {field} په راتلونکو {n} ورځو کې</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="78" />
            <source>yes</source>
            <translation>هو</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="78" />
            <source>no</source>
            <translation>نه</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="80" />
            <source>{level}: {field} is {values}</source>
            <translation>{level}: {field} {values} دی</translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="82" />
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <location filename="../hq/case_labels.py" line="91" />
            <source>{what} ({n} days before)</source>
            <translation>{what} ({n} ورځې مخکې)</translation>
        </message>
    </context>
    <context>
        <name>CaseParts</name>
        <message>
            <location filename="../hq/case_parts.py" line="55" />
            <source>Interviews</source>
            <translation>مرکې</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="56" />
            <source>Form</source>
            <translation>فورمه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="56" />
            <source>Received</source>
            <translation>ترلاسه شو</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="57" />
            <source>Last changed</source>
            <translation>وروستی بدلون</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="57" />
            <source>Revision</source>
            <translation>نسخه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="58" />
            <source>Open the &amp;interview</source>
            <translation>&amp;مرکه پرانیزئ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="61" />
            <source>Follow-ups</source>
            <translation>تعقیبونه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <source>Due</source>
            <translation>نېټه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>What</source>
            <translation>څه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="62" />
            <source>From</source>
            <translation>له</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="63" />
            <source>Done</source>
            <translation>بشپړ شو</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="68" />
            <source>Due date</source>
            <translation>ټاکلې نېټه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="70" />
            <location filename="../hq/case_parts.py" line="71" />
            <source>What to follow up</source>
            <translation>څه باید تعقیب شي</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="72" />
            <source>Add &amp;follow-up</source>
            <translation>&amp;تعقیب زیات کړئ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="73" />
            <source>Mark &amp;done</source>
            <translation>&amp;بشپړ په نښه کړئ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="76" />
            <source>Notes</source>
            <translation>یادښتونه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <location filename="../hq/case_parts.py" line="86" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>When</source>
            <translation>کله</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <location filename="../hq/case_parts.py" line="101" />
            <source>Who</source>
            <translation>چا</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="77" />
            <source>Note</source>
            <translation>یادښت</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="79" />
            <source>A new note (notes cannot be changed later)</source>
            <translation>نوی یادښت (یادښتونه وروسته نه بدلېږي)</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="80" />
            <source>New note</source>
            <translation>نوی یادښت</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="82" />
            <source>Add &amp;note</source>
            <translation>&amp;یادښت زیات کړئ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="85" />
            <source>Referrals</source>
            <translation>لېږدونې</translation>
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
            <translation>اړتیا</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="87" />
            <source>Interviews sent</source>
            <translation>لېږل شوې مرکې</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="87" />
            <location filename="../hq/case_parts.py" line="102" />
            <source>Why</source>
            <translation>ولې</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="89" />
            <location filename="../hq/case_parts.py" line="90" />
            <source>Partner organisation</source>
            <translation>همکار سازمان</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="93" />
            <source>&amp;Refer</source>
            <translation>&amp;ولېږدوئ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="94" />
            <source>Save the referral package to a file</source>
            <translation>د لېږدونې بسته په فایل کې خوندي کړئ</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="100" />
            <source>History</source>
            <translation>تاریخچه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="102" />
            <source>Change</source>
            <translation>بدلون</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="105" />
            <source>Inter&amp;views</source>
            <translation>&amp;مرکې</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="108" />
            <source>Follo&amp;w-ups</source>
            <translation>&amp;تعقیبونه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="110" />
            <source>N&amp;otes</source>
            <translation>یاد&amp;ښتونه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="114" />
            <source>Re&amp;ferrals</source>
            <translation>لې&amp;ږدونې</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="115" />
            <source>&amp;History</source>
            <translation>&amp;تاریخچه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="135" />
            <source>the form</source>
            <translation>فورمه</translation>
        </message>
        <message>
            <location filename="../hq/case_parts.py" line="137" />
            <source>Overdue</source>
            <translation>نېټه یې تېره ده</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../hq/case_view.py" line="53" />
            <location filename="../hq/case_view.py" line="316" />
            <source>Choose a case in the list.</source>
            <translation>له لړلیک څخه یوه قضیه وټاکئ.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="62" />
            <source>Why (required for every change)</source>
            <translation>ولې (د هر بدلون لپاره اړین دی)</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="63" />
            <source>Reason</source>
            <translation>دلیل</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="65" />
            <source>New status</source>
            <translation>نوی حالت</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="66" />
            <location filename="../hq/case_view.py" line="171" />
            <source>Change &amp;status</source>
            <translation>&amp;حالت بدل کړئ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="68" />
            <source>Priority</source>
            <translation>لومړیتوب</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="69" />
            <source>Set &amp;priority</source>
            <translation>&amp;لومړیتوب وټاکئ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="71" />
            <location filename="../hq/case_view.py" line="72" />
            <source>Caseworker</source>
            <translation>د قضیې مسوول</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="73" />
            <source>&amp;Assign</source>
            <translation>&amp;وسپارئ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="74" />
            <source>&amp;Unmerge the last case merged into this one</source>
            <translation>&amp;د هغې وروستۍ قضیې یوځای کېدل لغوه کړئ چې له دې سره یوځای شوې</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="76" />
            <source>Change</source>
            <translation>بدلون</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="78" />
            <source>Reason:</source>
            <translation>دلیل:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="79" />
            <source>Status:</source>
            <translation>حالت:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="80" />
            <source>Priority:</source>
            <translation>لومړیتوب:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="81" />
            <source>Caseworker:</source>
            <translation>د قضیې مسوول:</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="147" />
            <source>Status: {status}</source>
            <translation>حالت: {status}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="148" />
            <source>Priority: {level}</source>
            <translation>لومړیتوب: {level}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="150" />
            <source>(set by an analyst; the form says {level})</source>
            <translation>(د شنونکي له خوا ټاکل شوی؛ فورمه وايي {level})</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="152" />
            <source>Caseworker: {who}</source>
            <translation>د قضیې مسوول: {who}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="152" />
            <source>none</source>
            <translation>هیڅ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="154" />
            <source>Province: {p}</source>
            <translation>ولایت: {p}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="156" />
            <source>Needs: {needs}</source>
            <translation>اړتیاوې: {needs}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="158" />
            <source>Document expires: {date}</source>
            <translation>د سند پای نېټه: {date}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="160" />
            <source>Also written: {names}</source>
            <translation>داسې هم لیکل شوی: {names}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="162" />
            <source>Merged into another case</source>
            <translation>له بلې قضیې سره یوځای شوې</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="164" />
            <source>Priority because: {why}</source>
            <translation>د لومړیتوب لامل: {why}</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="170" />
            <source>&amp;Triage</source>
            <translation>&amp;لومړنۍ کتنه</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="214" />
            <source>Triaged.</source>
            <translation>لومړنۍ کتنه وشوه.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="217" />
            <source>Status changed.</source>
            <translation>حالت بدل شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="225" />
            <source>Priority changed.</source>
            <translation>لومړیتوب بدل شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="233" />
            <source>Assigned.</source>
            <translation>وسپارل شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="241" />
            <source>Note added.</source>
            <translation>یادښت زیات شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="252" />
            <source>Follow-up added.</source>
            <translation>تعقیب زیات شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="258" />
            <source>Choose an open follow-up first.</source>
            <translation>لومړی یو پرانیستی تعقیب وټاکئ.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="262" />
            <source>Follow-up done.</source>
            <translation>تعقیب بشپړ شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="273" />
            <source>Referral package</source>
            <translation>د لېږدونې بسته</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="274" />
            <source>The referral package you save is NOT encrypted: it holds the fields the referral template lists, of the interviews whose consent allows referral. Send it to the partner over a safe channel and delete it after. Continue?</source>
            <translation>هغه د لېږدونې بسته چې خوندي کوئ کوډ شوې نه ده: د هغو مرکو هغه برخې لري چې د لېږدونې کينډۍ يې نوموي او رضايت يې ورکړی. همکار ته يې د خوندي لارې ولېږئ او وروسته يې ړنګ کړئ. دوام ورکوئ؟</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="279" />
            <source>Save the referral package</source>
            <translation>د لېږدونې بسته خوندي کړئ</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="280" />
            <source>JSON Lines (*.jsonl)</source>
            <translation>JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="287" />
            <source>Referred.</source>
            <translation>ولېږدول شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="288" />
            <source>Referred; the package is saved in {path}.</source>
            <translation>ولېږدول شو؛ بسته په {path} کې خوندي شوه.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="294" />
            <source>Referral refused: the person did not consent to referral to partners. Nothing was sent. The refusal is recorded.</source>
            <translation>لېږدونه رد شوه: دې کس همکارانو ته د لېږدونې اجازه نه ده ورکړې. هیڅ شی ونه لېږل شو. دا رد ثبت شو.</translation>
        </message>
        <message>
            <location filename="../hq/case_view.py" line="307" />
            <source>Unmerged.</source>
            <translation>یوځای کول لغوه شول.</translation>
        </message>
    </context>
    <context>
        <name>CasesView</name>
        <message>
            <location filename="../hq/cases_view.py" line="58" />
            <source>Queue</source>
            <translation>کتار</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="59" />
            <source>New and untriaged</source>
            <translation>نوې او نه کتل شوې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="60" />
            <source>By priority</source>
            <translation>د لومړیتوب له مخې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="61" />
            <source>Overdue follow-ups</source>
            <translation>هغه تعقیبونه چې نېټه یې تېره ده</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="62" />
            <source>Documents expiring</source>
            <translation>اسناد چې موده یې پای ته رسېږي</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="63" />
            <source>My cases</source>
            <translation>زما قضیې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="63" />
            <source>All open cases</source>
            <translation>ټولې پرانیستې قضیې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="64" />
            <source>Closed cases</source>
            <translation>تړل شوې قضیې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="69" />
            <source> days</source>
            <translation> ورځې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="70" />
            <source>Within days</source>
            <translation>په څو ورځو کې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="72" />
            <source>Search names and answers…</source>
            <translation>نومونه او ځوابونه ولټوئ…</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="73" />
            <source>Search cases</source>
            <translation>قضیې ولټوئ</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="76" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Status</source>
            <translation>حالت</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="77" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Priority</source>
            <translation>لومړیتوب</translation>
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
            <translation>اړتیا</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="79" />
            <source>Form</source>
            <translation>فورمه</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="81" />
            <source>Any {what}</source>
            <translation>هر {what}</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="83" />
            <source>Any caseworker</source>
            <translation>هر د قضیې مسوول</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="84" />
            <location filename="../hq/cases_view.py" line="99" />
            <source>Caseworker</source>
            <translation>د قضیې مسوول</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="85" />
            <source>Opened from</source>
            <translation>پرانیستل شوې له</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="92" />
            <source>to</source>
            <translation>تر</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="93" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازه کول</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="97" />
            <source>Cases</source>
            <translation>قضیې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="99" />
            <source>Name</source>
            <translation>نوم</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="100" />
            <source>Needs</source>
            <translation>اړتیاوې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="100" />
            <source>Next follow-up</source>
            <translation>راتلونکی تعقیب</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="101" />
            <source>Document expires</source>
            <translation>د سند پای نېټه</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="101" />
            <source>Opened</source>
            <translation>پرانیستل شوې</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="103" />
            <source>&amp;Queue:</source>
            <translation>&amp;کتار:</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="202" />
            <source>Priority set by an analyst</source>
            <translation>لومړیتوب د شنونکي له خوا ټاکل شوی</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="206" />
            <source>Overdue</source>
            <translation>نېټه یې تېره ده</translation>
        </message>
        <message>
            <location filename="../hq/cases_view.py" line="209" />
            <source>Showing {shown} of {total} cases</source>
            <translation>له {total} قضیو {shown} ښودل کېږي</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/cases_view.py" line="212" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%Ln قضیې</numerusform>
                <numerusform>%Ln قضیې</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../hq/dashboard_view.py" line="161" />
            <location filename="../hq/dashboard_view.py" line="187" />
            <source>Open cases by priority</source>
            <translation>پرانیستې قضیې د لومړیتوب له مخې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="162" />
            <location filename="../hq/dashboard_view.py" line="188" />
            <source>Cases by status</source>
            <translation>قضیې د حالت له مخې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="163" />
            <location filename="../hq/dashboard_view.py" line="189" />
            <source>New cases per week</source>
            <translation>په اونۍ کې نوې قضیې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="164" />
            <source>Needs by province</source>
            <translation>اړتیاوې د ولایت له مخې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="165" />
            <source>overdue follow-ups</source>
            <translation>تعقیبونه چې نېټه یې تېره ده</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="166" />
            <source>documents expiring soon</source>
            <translation>اسناد چې ژر پای ته رسېږي</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="167" />
            <source>documents already expired</source>
            <translation>اسناد چې موده یې تېره شوې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="168" />
            <source>open cases</source>
            <translation>پرانیستې قضیې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="172" />
            <source> days</source>
            <translation> ورځې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="173" />
            <source>Expiring within</source>
            <translation>په دې موده کې پای</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="174" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازه کول</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="180" />
            <source>Documents expiring within:</source>
            <translation>اسناد چې په دې موده کې پای ته رسېږي:</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="190" />
            <source>Needs of open cases, by province</source>
            <translation>د پرانیستو قضیو اړتیاوې، د ولایت له مخې</translation>
        </message>
        <message>
            <location filename="../hq/dashboard_view.py" line="224" />
            <source>Figures for {day}</source>
            <translation>د {day} شمېرې</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="238" />
            <source>%n closed</source>
            <translation>
                <numerusform>%Ln تړل شوې</numerusform>
                <numerusform>%Ln تړل شوې</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="240" />
            <source>on %n case(s)</source>
            <translation>
                <numerusform>په %Ln قضیو کې</numerusform>
                <numerusform>په %Ln قضیو کې</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/dashboard_view.py" line="242" />
            <source>within %n day(s)</source>
            <translation>
                <numerusform>په %Ln ورځو کې</numerusform>
                <numerusform>په %Ln ورځو کې</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DatabaseDialog</name>
        <message>
            <location filename="../hq/connect_dialog.py" line="36" />
            <source>Team database</source>
            <translation>د ټیم ډیټابیس</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="39" />
            <source>HQ's records, cases and event log go to this PostgreSQL database instead of this computer. The database must be empty. The passphrase you choose next still protects HQ's keys on this computer.</source>
            <translation>د مرکزي دفتر ثبتونه، قضیې او د پېښو دفتر د دې کمپیوټر پر ځای په دې PostgreSQL ډیټابیس کې ساتل کېږي. ډیټابیس باید خالي وي. هغه رمز عبارت چې بیا یې غوره کوئ لا هم د مرکزي دفتر کلیګانې په دې کمپیوټر کې ساتي.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="42" />
            <source>&amp;Server</source>
            <translation>&amp;سرور</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="43" />
            <source>Service &amp;name (pg_service.conf)</source>
            <translation>د خدمت &amp;نوم (pg_service.conf)</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="50" />
            <source>db.example.org, 10.0.0.5 or /run/postgresql</source>
            <translation>db.example.org، 10.0.0.5 یا /run/postgresql</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="51" />
            <source>Server or socket folder</source>
            <translation>سرور یا د ساکټ فولډر</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="56" />
            <source>Port</source>
            <translation>پورټ</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="59" />
            <source>Database</source>
            <translation>ډیټابیس</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="62" />
            <source>Login</source>
            <translation>د ننوتلو نوم</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="65" />
            <source>Service name</source>
            <translation>د خدمت نوم</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="69" />
            <source>Database password</source>
            <translation>د ډیټابیس پټنوم</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="70" />
            <source>Empty: from ~/.pgpass or the service file</source>
            <translation>خالي: له ‎~/.pgpass یا د خدمت له فایل څخه</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="75" />
            <source>Server or socket folder:</source>
            <translation>سرور یا د ساکټ فولډر:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="76" />
            <source>Port:</source>
            <translation>پورټ:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="77" />
            <source>Database:</source>
            <translation>ډیټابیس:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="78" />
            <source>Login:</source>
            <translation>د ننوتلو نوم:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="80" />
            <source>Service name:</source>
            <translation>د خدمت نوم:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="81" />
            <source>Password:</source>
            <translation>پټنوم:</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="82" />
            <source>The password is used for this session only and never saved. To open HQ later without typing it, put it in ~/.pgpass or a libpq service file.</source>
            <translation>پټنوم یوازې د همدې ناستې لپاره کارېږي او هېڅکله نه خوندي کېږي. د دې لپاره چې وروسته مرکزي دفتر پرته له ټایپ کولو پرانیزئ، هغه په ‎~/.pgpass یا د libpq د خدمت په فایل کې کېږدئ.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="85" />
            <source>&amp;Test connection</source>
            <translation>د اړیکې &amp;ازموینه</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="132" />
            <source>Connecting…</source>
            <translation>اړیکه نیول کېږي…</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="140" />
            <source>Connected, but database {db} already holds an HQ store: give an empty one.</source>
            <translation>اړیکه ونیول شوه، خو ډیټابیس {db} دمخه د مرکزي دفتر زېرمه لري: یو خالي ورکړئ.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="145" />
            <source>Connected to PostgreSQL {version}, database {db} as {user}. It is empty: ready for a new HQ.</source>
            <translation>له PostgreSQL {version}، ډیټابیس {db} سره د {user} په توګه اړیکه ونیول شوه. خالي دی: د نوي مرکزي دفتر لپاره چمتو.</translation>
        </message>
    </context>
    <context>
        <name>DatabasePasswordDialog</name>
        <message>
            <location filename="../hq/connect_dialog.py" line="181" />
            <source>Team database password</source>
            <translation>د ټیم ډیټابېس پټنوم</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="184" />
            <source>The team database asks for your database password. It is kept in memory until Intake locks, and never saved.</source>
            <translation>د ټیم ډیټابېس ستاسو د ډیټابېس پټنوم غواړي. دا پټنوم تر هغه چې Intake قلف شي یوازې په حافظه کې ساتل کېږي او هېڅکله نه خوندي کېږي.</translation>
        </message>
        <message>
            <location filename="../hq/connect_dialog.py" line="191" />
            <location filename="../hq/connect_dialog.py" line="192" />
            <source>Database password</source>
            <translation>د ډیټابېس پټنوم</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../editor/date_fields.py" line="88" />
            <source>Calendar…</source>
            <translation>جنتري…</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="89" />
            <source>Pick a date from a calendar</source>
            <translation>له جنتري څخه نېټه وټاکئ</translation>
        </message>
    </context>
    <context>
        <name>DatePicker</name>
        <message>
            <location filename="../editor/date_fields.py" line="56" />
            <source>Solar Hijri</source>
            <translation>لمریز هجري</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="57" />
            <source>Gregorian</source>
            <translation>میلادي</translation>
        </message>
        <message>
            <location filename="../editor/date_fields.py" line="58" />
            <source>Calendar</source>
            <translation>جنتري</translation>
        </message>
    </context>
    <context>
        <name>DestinationPage</name>
        <message numerus="yes">
            <location filename="../export_view.py" line="127" />
            <source>%n sealed volume(s) never reached a stick (an earlier export was cut off). They will be written to this destination too.</source>
            <translation>
                <numerusform>%Ln مهر شوې برخه هېڅکله USB ته ونه رسېده (پخوانی صادرول پرې شو). دا به هم دې ځای ته ولیکل شي.</numerusform>
                <numerusform>%Ln مهر شوې برخه هېڅکله USB ته ونه رسېده (پخوانی صادرول پرې شو). دا به هم دې ځای ته ولیکل شي.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="73" />
            <source>Where should the sealed bundle go?</source>
            <translation>سربند شوې کڅوړه چېرته ولاړه شي؟</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="74" />
            <source>Plug in the USB stick, or choose any folder. Only HQ can open what is written there.</source>
            <translation>USB فلش ولګوئ، یا کوم فولډر وټاکئ. یوازې مرکزي دفتر کولای شي هغه څه پرانیزي چې هلته لیکل کېږي.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="77" />
            <source>Removable drives</source>
            <translation>جلا کېدونکي ډرایوونه</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="78" />
            <source>&amp;Look for drives again</source>
            <translation>ډرایوونه بیا ولټوئ</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="79" />
            <source>Choose a &amp;folder…</source>
            <translation>فولډر وټاکئ…</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="82" />
            <source>Also write again the bundles HQ has not confirmed</source>
            <translation>هغه کڅوړې هم بیا ولیکئ چې مرکزي دفتر نه دي تایید کړې</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="85" />
            <source>Each bundle file is at most {size} (HQ's policy); larger exports are split.</source>
            <translation>هر کڅوړه تر ټولو ډېر {size} ده (د مرکزي دفتر پالیسي)؛ لوی صادرات وېشل کېږي.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="88" />
            <source>Removable drives:</source>
            <translation>جلا کېدونکي ډرایوونه:</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_view.py" line="130" />
            <source>%n finalized record(s) to seal, about {size}.</source>
            <translation>
                <numerusform>%Ln وروستۍ دوسیې د سربندولو لپاره، شاوخوا {size}.</numerusform>
                <numerusform>%Ln وروستۍ دوسیې د سربندولو لپاره، شاوخوا {size}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="138" />
            <source>{name} — {free} free</source>
            <translation>{name} — {free} تش</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="143" />
            <source>No removable drive found. Plug one in, or choose a folder.</source>
            <translation>هېڅ جلا کېدونکی ډرایو ونه موندل شو. یو ولګوئ، یا فولډر وټاکئ.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="154" />
            <source>Folder for the sealed bundle</source>
            <translation>د سربندې کڅوړې لپاره فولډر</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="169" />
            <source>Destination: {path}</source>
            <translation>منزل: {path}</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="172" />
            <source>Not enough free space ({free}). Free some space or use another drive.</source>
            <translation>کافي تش ځای نشته ({free}). یو څه ځای خالي کړئ یا بل ډرایو وکاروئ.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="176" />
            <source>Free space: {free}.</source>
            <translation>تش ځای: {free}.</translation>
        </message>
    </context>
    <context>
        <name>DevicesView</name>
        <message>
            <location filename="../hq/devices_view.py" line="67" />
            <source>Devices</source>
            <translation>وسیلې</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Device</source>
            <translation>وسیله</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Label</source>
            <translation>نښه</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <source>Fingerprint</source>
            <translation>د ګوتو نښه</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="69" />
            <location filename="../hq/devices_view.py" line="103" />
            <source>Enrolled</source>
            <translation>نوم لیکل شوې</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Status</source>
            <translation>حالت</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Last sequence</source>
            <translation>وروستۍ شمېره</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="70" />
            <source>Missing sequences</source>
            <translation>ورکې شمېرې</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="71" />
            <source>&amp;Enroll from a device card…</source>
            <translation>د وسیلې له کارت څخه نوم لیکنه…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="72" />
            <source>&amp;Revoke…</source>
            <translation>لغوه کول…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="73" />
            <source>Save the public &amp;keyring…</source>
            <translation>د کلیو عامه کړۍ خوندي کول…</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="102" />
            <source>Revoked {date}</source>
            <translation>لغوه شوې {date}</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="108" />
            <source>none yet</source>
            <translation>لا هېڅ نه</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="110" />
            <source>Bundles not received while later ones were</source>
            <translation>هغه کڅوړې چې نه دي رسېدلې خو وروسته والې رسېدلې</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/devices_view.py" line="111" />
            <source>%n device(s)</source>
            <translation>
                <numerusform>%Ln وسیلې</numerusform>
                <numerusform>%Ln وسیلې</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="129" />
            <source>Device card</source>
            <translation>د وسیلې کارت</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="130" />
            <source>Device cards (*.sig *.card);;All files (*)</source>
            <translation>د وسیلې کارتونه (*.sig *.card);;ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="136" />
            <source>Cannot read the device card {name}.</source>
            <translation>د وسیلې کارت {name} نه لوستل کېږي.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="148" />
            <source>Enrolled {device}, fingerprint {fp}. Compare it with the one the laptop shows.</source>
            <translation>{device} نوم لیکنه وشوه، د ګوتو نښه {fp}. له هغې سره یې پرتله کړئ چې لپټاپ یې ښیي.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="158" />
            <source>Revoke device</source>
            <translation>وسیله لغوه کول</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="159" />
            <source>Revoke {device}? Bundles it signs from now on will be refused. This cannot be undone.</source>
            <translation>{device} لغوه شي؟ هغه کڅوړې چې له اوس وروسته لاسلیک کړي رد به شي. دا بېرته نه راګرځي.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="168" />
            <source>Revoked {device}. Publish the new keyring.</source>
            <translation>{device} لغوه شوه. د کلیو نوې کړۍ خپره کړئ.</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="174" />
            <source>Save the public keyring</source>
            <translation>د کلیو عامه کړۍ خوندي کول</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="175" />
            <source>Keyring (*.sig)</source>
            <translation>د کلیو کړۍ (*.sig)</translation>
        </message>
        <message>
            <location filename="../hq/devices_view.py" line="185" />
            <source>Saved the keyring to {path}.</source>
            <translation>د کلیو کړۍ په {path} کې خوندي شوه.</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../dialogs.py" line="27" />
            <source>Something went wrong ({name}). Your data was not changed.</source>
            <translation>یوه ستونزه پېښه شوه ({name}). ستاسو معلومات بدل نه شول.</translation>
        </message>
        <message>
            <location filename="../dialogs.py" line="33" />
            <source>Problem</source>
            <translation>ستونزه</translation>
        </message>
    </context>
    <context>
        <name>DraftSaver</name>
        <message>
            <location filename="../editor/saving.py" line="81" />
            <source>Unsaved changes…</source>
            <translation>نا خوندي شوي بدلونونه…</translation>
        </message>
        <message>
            <location filename="../editor/saving.py" line="127" />
            <source>Not saved: {reason}</source>
            <translation>خوندي نه شو: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/saving.py" line="137" />
            <source>Saved at {time}, except %n answer(s) to fix (marked in red).</source>
            <translation>
                <numerusform>په {time} خوندي شو، پرته له %Ln ځوابونو چې باید سم شي (په سور نښه شوي).</numerusform>
                <numerusform>په {time} خوندي شو، پرته له %Ln ځوابونو چې باید سم شي (په سور نښه شوي).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/saving.py" line="140" />
            <source>All changes saved at {time}.</source>
            <translation>ټول بدلونونه په {time} خوندي شول.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesView</name>
        <message>
            <location filename="../hq/duplicates_view.py" line="48" />
            <source>Likely duplicates</source>
            <translation>احتمالي تکرارونه</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="49" />
            <source>Case</source>
            <translation>قضیه</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="49" />
            <source>Likely the same as</source>
            <translation>احتمالاً هماغه</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Score</source>
            <translation>نمره</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Why</source>
            <translation>ولې</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="50" />
            <source>Status</source>
            <translation>حالت</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="53" />
            <source>Reason</source>
            <translation>دلیل</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="54" />
            <source>&amp;Merge the second into the first</source>
            <translation>&amp;دویمه له لومړۍ سره یوځای کړئ</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="55" />
            <source>&amp;Not a duplicate</source>
            <translation>&amp;تکرار نه دی</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="52" />
            <source>Why (required)</source>
            <translation>ولې (اړین)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="56" />
            <source>&amp;Undo the last change</source>
            <translation>&amp;وروستی بدلون لغوه کړئ</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="57" />
            <source>&amp;Refresh</source>
            <translation>&amp;تازه کول</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="65" />
            <source>Pairs of cases that may be the same person. Check both before merging; a merge can be undone.</source>
            <translation>د قضیو جوړې چې ښایي یو کس وي. د یوځای کولو مخکې دواړه وګورئ؛ یوځای کول بېرته کېدای شي.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="86" />
            <source>names match ({keys}; {pct}% of the shorter name)</source>
            <translation>نومونه سره برابر دي ({keys}؛ د لنډ نوم {pct}٪)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="90" />
            <source>same birth year ({year})</source>
            <translation>د زېږون ورته کال ({year})</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="93" />
            <source>birth years {n} apart (against)</source>
            <translation>د زېږون کلونه {n} کاله توپیر (پر ضد)</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="94" />
            <source>birth years {n} apart</source>
            <translation>د زېږون کلونه {n} کاله توپیر</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="97" />
            <source>same province ({province})</source>
            <translation>ورته ولایت ({province})</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="100" />
            <source>same phone number</source>
            <translation>ورته د تلیفون شمېره</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/duplicates_view.py" line="125" />
            <source>%n pair(s)</source>
            <translation>
                <numerusform>%Ln جوړې</numerusform>
                <numerusform>%Ln جوړې</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="152" />
            <source>Merged {b} into {a}.</source>
            <translation>{b} له {a} سره یوځای شو.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="176" />
            <source>Marked as not a duplicate: {a} and {b}.</source>
            <translation>د نه تکرار په توګه نښه شول: {a} او {b}.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="190" />
            <source>Unmerged.</source>
            <translation>یوځای کول لغوه شول.</translation>
        </message>
        <message>
            <location filename="../hq/duplicates_view.py" line="191" />
            <source>The pair may be suggested again.</source>
            <translation>دا جوړه کېدای شي بیا وړاندیز شي.</translation>
        </message>
    </context>
    <context>
        <name>EnrollPage</name>
        <message>
            <location filename="../wizard.py" line="124" />
            <source>Enroll with HQ</source>
            <translation>له مرکزي دفتر سره نوم لیکنه</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="125" />
            <source>Open the provisioning file HQ gave you, then compare the fingerprint with the one HQ told you in person or by phone.</source>
            <translation>هغه د تنظیم فایل پرانیزئ چې مرکزي دفتر درکړی، بیا د ګوتو نښه له هغې سره پرتله کړئ چې مرکزي دفتر مخامخ یا په تلیفون درته ویلې ده.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="127" />
            <source>&amp;Open provisioning file…</source>
            <translation>د تنظیم فایل پرانیستل…</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="135" />
            <source>HQ fingerprint</source>
            <translation>د مرکزي دفتر د ګوتو نښه</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="138" />
            <source>The fingerprint &amp;matches the one HQ gave me</source>
            <translation>د ګوتو نښه له هغې سره سمون لري چې مرکزي دفتر راکړې</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="140" />
            <source>Enroll &amp;later (records can be written, but not sent)</source>
            <translation>وروسته نوم لیکنه (دوسیې لیکل کېږي، خو نه لېږل کېږي)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="154" />
            <source>Provisioning file</source>
            <translation>د تنظیم فایل</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="155" />
            <source>Provisioning files (*.sig *.prov);;All files (*)</source>
            <translation>د تنظیم فایلونه (*.sig *.prov);;ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="167" />
            <source>This file cannot be used: {reason}</source>
            <translation>دا فایل نه شي کارول کېدای: {reason}</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="173" />
            <source>HQ fingerprint in {name}:</source>
            <translation>په {name} کې د مرکزي دفتر د ګوتو نښه:</translation>
        </message>
    </context>
    <context>
        <name>ErrorList</name>
        <message>
            <location filename="../editor/review.py" line="65" />
            <source>Answers to fix</source>
            <translation>هغه ځوابونه چې باید سم شي</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../error_texts.py" line="26" />
            <source>Wrong passphrase.</source>
            <translation>پټنوم غلط دی.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="28" />
            <source>This file or value cannot be used here.</source>
            <translation>دا فایل یا ارزښت دلته نه شي کارېدای.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="30" />
            <source>The profile cannot be opened or created in this folder.</source>
            <translation>پروفایل په دې پوښۍ کې نه خلاصېږي او نه جوړېږي.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="32" />
            <source>The team database needs your database password, or did not accept it.</source>
            <translation>د ټیم ډیټابېس ستاسو د ډیټابېس پټنوم غواړي، یا یې ونه مانه.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="35" />
            <source>The team database cannot be reached; check the network and the server address, then try again.</source>
            <translation>د ټیم ډېټابېس ته لاسرسی نشته؛ شبکه او د سرور پته وګورئ، بیا هڅه وکړئ.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="38" />
            <source>The encrypted store failed its integrity check; do not write to it and ask for help.</source>
            <translation>کوډ شوې زېرمه د روغتیا له کتنې ونه وتله؛ په هغې کې څه مه لیکئ او مرسته وغواړئ.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="41" />
            <source>The disk is full; nothing was written. Free some space and try again.</source>
            <translation>ډیسک ډک دی؛ هېڅ شی ونه لیکل شو. یو څه ځای خالي کړئ او بیا هڅه وکړئ.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="43" />
            <source>The attachment storage could not be reached or refused the request; nothing was saved.</source>
            <translation>د ضمیمو زېرمې ته لاسرسی ونه شو یا یې غوښتنه ونه منله؛ هېڅ شی خوندي نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="46" />
            <source>The check could not run to the end; this is not a sign of damage.</source>
            <translation>کتنه تر پایه ونه رسېده؛ دا د خرابۍ نښه نه ده.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="48" />
            <source>It no longer exists (the record, form, file or device was not found).</source>
            <translation>نور شتون نه لري (دوسیه، فورمه، فایل یا وسیله ونه موندل شوه).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="50" />
            <source>This cannot be done in the record's current state.</source>
            <translation>دا کار د دوسیې په اوسني حالت کې نه شي کېدای.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="52" />
            <source>The team database does not allow this for your role; nothing was changed.</source>
            <translation>د ټیم ډیټابېس دا کار ستاسو د رول لپاره نه پرېږدي؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="55" />
            <source>The person did not consent to this.</source>
            <translation>شخص دې کار ته رضایت نه دی ورکړی.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="57" />
            <source>An expression in the form cannot be read.</source>
            <translation>د فورمې یو بیان نه لوستل کېږي.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="59" />
            <source>The form's casework settings are not valid.</source>
            <translation>د فورمې د قضیې د تعقیب تنظیمات سم نه دي.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="61" />
            <source>The form cannot be loaded.</source>
            <translation>فورمه نه پورته کېږي.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="65" />
            <source>Export cancelled; nothing was lost (finished volumes are kept).</source>
            <translation>صادرول لغوه شول؛ هېڅ شی ورک نه شو (بشپړې برخې ساتل کېږي).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="67" />
            <source>These backup shares do not restore the keys (too few, from different sets, or mistyped).</source>
            <translation>دا د بیک اپ برخې کلي نه بېرته راولي (لږې، له بېلابېلو ټولګو یا په غلطه ټایپ شوې).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="70" />
            <source>The drop box did not accept this computer's credentials.</source>
            <translation>تحویلي صندوق د دې کمپیوټر اسناد ونه منل.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="74" />
            <source>No answer from the drop box; check the network and try again.</source>
            <translation>له تحویلي صندوق څخه ځواب رانغی؛ شبکه وګورئ او بیا هڅه وکړئ.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="76" />
            <source>Cancelled; nothing was lost (the upload resumes next time).</source>
            <translation>لغوه شو؛ هېڅ شی ورک نه شو (پورته کول بله ځل دوام کوي).</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="79" />
            <source>This could not be done.</source>
            <translation>دا کار ونه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="85" />
            <source>The file is damaged or not of the expected kind; nothing was changed.</source>
            <translation>فایل خراب دی یا د تمه شوي ډول نه دی؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="87" />
            <source>The file's signature is missing or not valid; nothing was changed.</source>
            <translation>د فایل لاسلیک نشته یا سم نه دی؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="89" />
            <source>The file was signed by an unknown or revoked device; nothing was changed.</source>
            <translation>فایل د یوې ناپېژندل شوې یا لغوه شوې وسیلې لخوا لاسلیک شوی؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="91" />
            <source>The file is meant for another HQ; nothing was changed.</source>
            <translation>دا فایل د بل مرکزي دفتر لپاره دی؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="93" />
            <source>The file's content cannot be decrypted or is damaged; nothing was changed.</source>
            <translation>د فایل منځپانګه نه خلاصېږي یا خرابه ده؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="95" />
            <source>The bundle is out of sequence (repeated, missing or forked); nothing was changed.</source>
            <translation>د کڅوړې ترتیب سم نه دی (تکراري، ورکه یا دوه څانګې)؛ هېڅ شی بدل نه شو.</translation>
        </message>
        <message numerus="yes">
            <location filename="../error_texts.py" line="106" />
            <source>%n answer(s) are not valid; nothing was saved.</source>
            <translation>
                <numerusform>%Ln ځوابونه سم نه دي؛ هېڅ شی خوندي نه شو.</numerusform>
                <numerusform>%Ln ځوابونه سم نه دي؛ هېڅ شی خوندي نه شو.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../error_texts.py" line="111" />
            <source>The drop box refused the request (error {status}).</source>
            <translation>تحویلي صندوق غوښتنه ونه منله (تېروتنه {status}).</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../hq/export_dialog.py" line="40" />
            <source>Export records</source>
            <translation>د دوسیو صادرول</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="44" />
            <source>Warning: this export leaves the encrypted store. The files written are NOT encrypted. Keep them on an encrypted disk, share them with no one who does not need them, and delete them when done.</source>
            <translation>خبرداری: دا صادرول له کوډ شوي زېرمتون څخه وځي. لیکل شوي فایلونه کوډ شوي نه دي. په کوډ شوې ډیسک یې وساتئ، له هغه چا سره یې مه شریکوئ چې اړتیا ورته نلري، او د کار وروسته یې ړنګ کړئ.</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="49" />
            <source>CSV (a folder, one file per form)</source>
            <translation>CSV (یو فولډر، د هر فورم لپاره یو فایل)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="50" />
            <source>Excel workbook (.xlsx)</source>
            <translation>د اکسل کتاب (.xlsx)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="51" />
            <source>JSON Lines (.jsonl)</source>
            <translation>JSON Lines (.jsonl)</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="53" />
            <source>All forms</source>
            <translation>ټول فورمونه</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="59" />
            <source>Codes, not labels</source>
            <translation>کوډونه، نه نښې</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="63" />
            <location filename="../hq/export_dialog.py" line="81" />
            <source>Export to</source>
            <translation>صادرول ته</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="64" />
            <source>Choose…</source>
            <translation>ټاکل…</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="68" />
            <source>I understand the exported files are not encrypted</source>
            <translation>پوهېږم چې صادر شوي فایلونه کوډ شوي نه دي</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="74" />
            <source>&amp;Export</source>
            <translation>صادرول</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="78" />
            <source>Format</source>
            <translation>بڼه</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="79" />
            <source>Form</source>
            <translation>فورم</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="80" />
            <source>Labels in</source>
            <translation>نښې په ژبه</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="105" />
            <source>Folder for the CSV files</source>
            <translation>د CSV فایلونو لپاره فولډر</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="107" />
            <source>Export file</source>
            <translation>د صادرولو فایل</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="132" />
            <source>Exporting…</source>
            <translation>صادرېږي…</translation>
        </message>
        <message>
            <location filename="../hq/export_dialog.py" line="147" />
            <source>Exported {n} record(s) to {path}. These files are not encrypted.</source>
            <translation>{n} دوسیې {path} ته صادرې شوې. دا فایلونه کوډ شوي نه دي.</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <location filename="../export_view.py" line="315" />
            <source>Export for HQ</source>
            <translation>مرکزي دفتر ته صادرول</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="330" />
            <source>&amp;Seal</source>
            <translation>سربندول</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="331" />
            <source>&amp;Back</source>
            <translation>شاته</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="332" />
            <source>&amp;Close</source>
            <translation>بندول</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="333" />
            <source>Cancel</source>
            <translation>لغوه</translation>
        </message>
    </context>
    <context>
        <name>FieldWidget</name>
        <message>
            <location filename="../editor/base.py" line="108" />
            <source>(sensitive — only if needed)</source>
            <translation>(حساس — یوازې که اړتیا وي)</translation>
        </message>
        <message>
            <location filename="../editor/base.py" line="113" />
            <source>Required</source>
            <translation>اړین</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <location filename="../wizard.py" line="191" />
            <source>Setting up</source>
            <translation>چمتو کول</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="194" />
            <source>Save the &amp;device card for HQ…</source>
            <translation>د مرکزي دفتر لپاره د وسیلې کارت خوندي کړئ…</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="204" />
            <source>Creating the encrypted store… this takes a few seconds.</source>
            <translation>کوډ شوی زېرمتون جوړېږي… څو ثانیې وخت نیسي.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="210" />
            <source>Ready</source>
            <translation>چمتو</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="213" />
            <source>The demo is ready, with sample records. Its practice HQ profile is in {hq} and opens with the same passphrase: after exporting, open it in the HQ window and use its “Import from a folder…” button. Nothing here touches real data.</source>
            <translation>ډیمو د نمونه ریکارډونو سره چمتو دی. د مرکزي دفتر تمریني پروفایل په {hq} کې دی او په همدې رمز خلاصېږي: له صادرولو وروسته یې د مرکزي دفتر په کړکۍ کې خلاص کړئ او د «له یوې پوښۍ څخه راوړل…» تڼۍ وکاروئ. دلته هېڅ شی اصلي معلوماتو ته لاس نه وروړي.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="219" />
            <source>This laptop is enrolled with {org}. Its device fingerprint is {fp}. Save the device card and give it to HQ so they can accept this laptop's bundles.</source>
            <translation>دا لپټاپ له {org} سره نوم لیکل شو. د وسیلې د ګوتو نښه یې {fp} ده. د وسیلې کارت خوندي کړئ او مرکزي دفتر ته یې ورکړئ څو د دې لپټاپ کڅوړې ومني.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="224" />
            <source>The encrypted store is ready. Enroll with HQ later from the provisioning file to send records.</source>
            <translation>کوډ شوی زېرمتون چمتو دی. د دوسیو لېږلو لپاره وروسته د تنظیم فایل سره له مرکزي دفتر سره نوم لیکنه وکړئ.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="229" />
            <source>Setup failed: {reason}</source>
            <translation>چمتو کول ناکام شول: {reason}</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="236" />
            <source>Save device card</source>
            <translation>د وسیلې کارت خوندي کول</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="256" />
            <source>Device card saved to {name}</source>
            <translation>د وسیلې کارت په {name} کې خوندي شو</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../wizard.py" line="269" />
            <source>Set up Intake</source>
            <translation>د پروګرام چمتو کول</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="286" />
            <source>&amp;Back</source>
            <translation>شاته</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="287" />
            <source>&amp;Next</source>
            <translation>بل</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="288" />
            <source>&amp;Start</source>
            <translation>پیل</translation>
        </message>
    </context>
    <context>
        <name>FormChooser</name>
        <message>
            <location filename="../workspace.py" line="35" />
            <source>New record</source>
            <translation>نوې دوسیه</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="37" />
            <source>Form</source>
            <translation>فورمه</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="46" />
            <source>Which form?</source>
            <translation>کومه فورمه؟</translation>
        </message>
    </context>
    <context>
        <name>HQSetupWizard</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="245" />
            <source>Set up Intake HQ</source>
            <translation>د Intake مرکزي دفتر جوړول</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="250" />
            <source>&amp;Back</source>
            <translation>شاته</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="251" />
            <source>&amp;Next</source>
            <translation>بل</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="252" />
            <source>&amp;Finish</source>
            <translation>پای</translation>
        </message>
    </context>
    <context>
        <name>HQWindow</name>
        <message>
            <location filename="../hq/window.py" line="104" />
            <source>Intake HQ is locked</source>
            <translation>د Intake مرکزي دفتر قلف دی</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="105" />
            <source>Type the HQ passphrase to open the import desk, devices and records.</source>
            <translation>د واردولو مېز، وسیلو او دوسیو د پرانیستلو لپاره د مرکزي دفتر پټنوم ولیکئ.</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="113" />
            <source>&amp;Export records…</source>
            <translation>دوسیې صادرول…</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="116" />
            <source>&amp;Lock</source>
            <translation>قلف</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="116" />
            <source>Lock now (Ctrl+L)</source>
            <translation>همدا اوس قلف کړئ (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="118" />
            <source>Language</source>
            <translation>ژبه</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="135" />
            <source>Intake HQ</source>
            <translation>د Intake مرکزي دفتر</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="136" />
            <source>Intake HQ — locked</source>
            <translation>د Intake مرکزي دفتر — قلف</translation>
        </message>
    </context>
    <context>
        <name>HQWorkspace</name>
        <message>
            <location filename="../hq/window.py" line="50" />
            <source>&amp;Import desk</source>
            <translation>د واردولو مېز</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="50" />
            <source>&amp;Devices</source>
            <translation>وسیلې</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="51" />
            <source>&amp;Records</source>
            <translation>دوسیې</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="51" />
            <source>Re&amp;ceipts</source>
            <translation>رسیدونه</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="52" />
            <source>C&amp;ases</source>
            <translation>&amp;قضیې</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="52" />
            <source>D&amp;uplicates</source>
            <translation>&amp;تکرارونه</translation>
        </message>
        <message>
            <location filename="../hq/window.py" line="53" />
            <source>Das&amp;hboard</source>
            <translation>&amp;ډشبورډ</translation>
        </message>
    </context>
    <context>
        <name>ImportDesk</name>
        <message>
            <location filename="../hq/import_desk.py" line="91" />
            <source>Import from a &amp;folder…</source>
            <translation>له فولډر څخه واردول…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="92" />
            <source>Import from a &amp;USB stick…</source>
            <translation>له USB فلش څخه واردول…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="94" />
            <source>Drop box address (https://…)</source>
            <translation>د تحویلي صندوق پته (https://…)</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="95" />
            <source>Drop box address</source>
            <translation>د تحویلي صندوق پته</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="96" />
            <source>Fetch from &amp;drop box</source>
            <translation>له تحویلي صندوق څخه راوړل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="97" />
            <source>Choose where the bundles are.</source>
            <translation>وټاکئ چې کڅوړې چېرته دي.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="99" />
            <source>Import progress</source>
            <translation>د واردولو پرمختګ</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="102" />
            <source>Verdicts</source>
            <translation>پرېکړې</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Verdict</source>
            <translation>پرېکړه</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Device</source>
            <translation>وسیله</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="104" />
            <source>Sequence</source>
            <translation>ترتیب شمېره</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Records</source>
            <translation>دوسیې</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Attachments</source>
            <translation>ضمیمې</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="105" />
            <source>Reason or notes</source>
            <translation>لامل یا یادښتونه</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="107" />
            <source>Quarantined bundles</source>
            <translation>قرنطین شوې کڅوړې</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="108" />
            <source>Quarantined bundles (refused, kept for inspection)</source>
            <translation>قرنطین شوې کڅوړې (رد شوې، د کتنې لپاره ساتل شوې)</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="132" />
            <source>Folder with bundles</source>
            <translation>د کڅوړو فولډر</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="139" />
            <source>USB stick with bundles</source>
            <translation>د کڅوړو USB فلش</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="146" />
            <source>No bundles (*.intake) in {folder}.</source>
            <translation>په {folder} کې کڅوړې (*.intake) نشته.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="161" />
            <source>Fetching new bundles from the drop box…</source>
            <translation>له تحویلي صندوق څخه نوې کڅوړې راوړل کېږي…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="177" />
            <source>The drop box has no new bundles.</source>
            <translation>تحویلي صندوق کې نوې کڅوړې نشته.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="181" />
            <source>Drop box: {error}</source>
            <translation>تحویلي صندوق: {error}</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="199" />
            <source>Done: {ok} imported, {dup} already here, {bad} refused.</source>
            <translation>بشپړ شو: {ok} وارد شوې، {dup} دمخه وې، {bad} رد شوې.</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="208" />
            <source>Importing {name} ({n} of {total})…</source>
            <translation>{name} واردېږي ({total} څخه {n})…</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="247" />
            <source>Imported</source>
            <translation>وارد شوه</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="247" />
            <source>Already imported</source>
            <translation>دمخه وارد شوې</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="248" />
            <source>Refused</source>
            <translation>رد شوه</translation>
        </message>
        <message>
            <location filename="../hq/import_desk.py" line="258" />
            <source>{reason} (quarantined)</source>
            <translation>{reason} (قرنطین شوه)</translation>
        </message>
    </context>
    <context>
        <name>KeysPage</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="100" />
            <source>HQ keys</source>
            <translation>د مرکزي دفتر کلیلونه</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="103" />
            <source>&amp;Write provisioning file…</source>
            <translation>د تنظیماتو فایل لیکل…</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="108" />
            <source>Number of shares</source>
            <translation>د برخو شمېر</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="112" />
            <source>Shares needed to restore</source>
            <translation>د بیا راوستلو لپاره اړینې برخې</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="113" />
            <source>Make &amp;backup shares</source>
            <translation>د بیک اپ برخې جوړول</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="118" />
            <source>Backup shares</source>
            <translation>د بیک اپ برخې</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="120" />
            <source>Shares:</source>
            <translation>برخې:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="122" />
            <source>needed to restore:</source>
            <translation>د بیا راوستلو لپاره اړین:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="127" />
            <source>Optional: backup shares restore HQ's keys if this computer is lost. Write each share on paper and give them to different trusted people; they are shown once and never saved.</source>
            <translation>اختیاري: که دا کمپیوټر ورک شي، د بیک اپ برخې د مرکزي دفتر کلیلونه بیا راولي. هره برخه په کاغذ ولیکئ او بېلابېلو باوري کسانو ته یې ورکړئ؛ یوازې یو ځل ښودل کېږي او هېڅکله نه خوندي کېږي.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="150" />
            <source>Creating the HQ profile and its keys… this takes a few seconds.</source>
            <translation>د مرکزي دفتر پروفایل او کلیلونه جوړېږي… څو ثانیې نیسي.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="171" />
            <source>The HQ profile is ready. Read this fingerprint to each field laptop's user when they enroll: it proves the provisioning file came from this HQ.</source>
            <translation>د مرکزي دفتر پروفایل چمتو دی. د هر ساحوي لپټاپ کاروونکي ته د نوم لیکنې پر وخت دا ګوتې نښه ولولئ: دا ثابتوي چې د تنظیماتو فایل له همدې مرکزي دفتر څخه راغلی.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="179" />
            <source>Setup failed: {reason}</source>
            <translation>جوړول ناکام شول: {reason}</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="187" />
            <source>Folder for the provisioning file</source>
            <translation>د تنظیماتو فایل لپاره پوښۍ</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="203" />
            <source>Wrote {path}. Give it to each field laptop (with the fingerprint above).</source>
            <translation>{path} ولیکل شو. هر ساحوي لپټاپ ته یې (د پورته ګوتې نښې سره) ورکړئ.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="211" />
            <source>The shares needed cannot be more than the shares made.</source>
            <translation>اړینې برخې له جوړو شویو برخو ډېرې کېدای نه شي.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="222" />
            <source>Share {i} of {n}:</source>
            <translation>{n} څخه {i} برخه:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="65" />
            <source>&amp;New record</source>
            <translation>نوې دوسیه</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="68" />
            <source>&amp;Export for HQ…</source>
            <translation>مرکزي دفتر ته صادرول…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="71" />
            <source>Import rece&amp;ipt…</source>
            <translation>رسید واردول…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="73" />
            <source>Se&amp;ttings…</source>
            <translation>تنظیمات…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="76" />
            <source>&amp;Lock</source>
            <translation>قلف</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="76" />
            <source>Lock now (Ctrl+L)</source>
            <translation>همدا اوس قلف کړئ (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="77" />
            <source>Panic: erase</source>
            <translation>بیړني ړنګول</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="80" />
            <source>Erase everything on this laptop now and close the app ({keys})</source>
            <translation>همدا اوس په دې لپټاپ کې هر څه ړنګ کړئ او پروګرام بند کړئ ({keys})</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="102" />
            <source>Intake</source>
            <translation>د مرکې ثبت</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="102" />
            <source>Intake — locked</source>
            <translation>د مرکې ثبت — قلف دی</translation>
        </message>
        <message numerus="yes">
            <location filename="../main_window.py" line="173" />
            <source>Locking in %n second(s) because nothing was typed. Press any key or move the mouse to stay unlocked.</source>
            <translation>
                <numerusform>څه ونه لیکل شول، نو په %Ln ثانیو کې قفلېږي. د خلاص پاتې کېدو لپاره کومه تڼۍ کېکاږئ یا موږک وخوځوئ.</numerusform>
                <numerusform>څه ونه لیکل شول، نو په %Ln ثانیو کې قفلېږي. د خلاص پاتې کېدو لپاره کومه تڼۍ کېکاږئ یا موږک وخوځوئ.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <location filename="../unlock_notices.py" line="46" />
            <source>&amp;Delete old drafts…</source>
            <translation>زړې مسودې ړنګول…</translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="48" />
            <source>Dismiss</source>
            <translation>بندول</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="70" />
            <source>%n wrong passphrase(s) were typed since this laptop was last unlocked. If that was not you, someone may have tried to open it.</source>
            <translation>
                <numerusform>له هغه وروسته چې دا لپټاپ وروستی ځل خلاص شو، %Ln ځل غلط پټنوم ولیکل شو. که دا تاسو نه وئ، ښايي چا هڅه کړې وي چې دا پرانیزي.</numerusform>
                <numerusform>له هغه وروسته چې دا لپټاپ وروستی ځل خلاص شو، %Ln ځله غلط پټنوم ولیکل شو. که دا تاسو نه وئ، ښايي چا هڅه کړې وي چې دا پرانیزي.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="75" />
            <source>The protection settings file had been removed or changed and was put back. Someone may have tried to reset the wrong-passphrase counter.</source>
            <translation>د ساتنې د تنظیماتو فایل لرې شوی یا بدل شوی و او بېرته خپل ځای ته راوړل شو. ښايي چا هڅه کړې وي چې د غلطو پټنومونو شمېر صفر کړي.</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="83" />
            <source>%n draft(s) have not been saved for more than {days} days. Old drafts put people at risk if the laptop is taken: finish them or delete them.</source>
            <translation>
                <numerusform>%Ln مسوده له {days} ورځو ډېر وخت راهیسې نه ده خوندي شوې. که لپټاپ چا ونیوه، زړې مسودې خلک له خطر سره مخ کوي: بشپړې یې کړئ یا یې ړنګې کړئ.</numerusform>
                <numerusform>%Ln مسودې له {days} ورځو ډېر وخت راهیسې نه دي خوندي شوې. که لپټاپ چا ونیوه، زړې مسودې خلک له خطر سره مخ کوي: بشپړې یې کړئ یا یې ړنګې کړئ.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../unlock_notices.py" line="91" />
            <source>Delete old drafts</source>
            <translation>زړې مسودې ړنګول</translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="92" />
            <source>Delete %n old draft(s) for good? They cannot be recovered.</source>
            <translation>
                <numerusform>%Ln زړه مسوده د تل لپاره ړنګه شي؟ بیا نه شي راګرځول کېدای.</numerusform>
                <numerusform>%Ln زړې مسودې د تل لپاره ړنګې شي؟ بیا نه شي راګرځول کېدای.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../unlock_notices.py" line="105" />
            <source>%n old draft(s) deleted.</source>
            <translation>
                <numerusform>%Ln زړه مسوده ړنګه شوه.</numerusform>
                <numerusform>%Ln زړې مسودې ړنګې شوې.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutboxView</name>
        <message>
            <location filename="../outbox_view.py" line="36" />
            <source>Sealed bundles wait here until HQ confirms them with a signed receipt. Only HQ can open them.</source>
            <translation>سربندې کڅوړې دلته پاتې کېږي تر هغه چې مرکزي دفتر یې په لاسلیک شوي رسید تایید کړي. یوازې مرکزي دفتر یې پرانیستلای شي.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="39" />
            <source>Sealed bundles</source>
            <translation>سربندې کڅوړې</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Bundle</source>
            <translation>کڅوړه</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Sealed</source>
            <translation>سربند شوې</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="41" />
            <source>Size</source>
            <translation>اندازه</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="42" />
            <source>Records</source>
            <translation>دوسیې</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="42" />
            <source>Delivery</source>
            <translation>سپارل</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="54" />
            <source>&amp;Import HQ receipt…</source>
            <translation>د مرکزي دفتر رسید واردول…</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="55" />
            <source>Import HQ receipt</source>
            <translation>د مرکزي دفتر رسید واردول</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="78" />
            <source>Waiting for HQ</source>
            <translation>د مرکزي دفتر په تمه</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="78" />
            <source>Delivered</source>
            <translation>وسپارل شوې</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="79" />
            <source>Abandoned</source>
            <translation>پرېښودل شوې</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="96" />
            <source>HQ receipt</source>
            <translation>د مرکزي دفتر رسید</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="97" />
            <source>Receipts (*.sig *.receipt *.rcpt);;All files (*)</source>
            <translation>رسیدونه (*.sig *.receipt *.rcpt);;ټول فایلونه (*)</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="104" />
            <source>Checking the receipt…</source>
            <translation>د رسید کتنه…</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="114" />
            <source>Receipt accepted.</source>
            <translation>رسید ومنل شو.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="116" />
            <source>Delivered: bundle(s) {seqs}.</source>
            <translation>وسپارل شوې: کڅوړې {seqs}.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="119" />
            <source>Already confirmed before: {seqs}.</source>
            <translation>مخکې تایید شوې: {seqs}.</translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="122" />
            <source>Not from this laptop's outbox: {seqs}.</source>
            <translation>د دې لپټاپ د لېږلو له صندوق څخه نه دي: {seqs}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../outbox_view.py" line="124" />
            <source>%n record(s) removed from this laptop.</source>
            <translation>
                <numerusform>%Ln دوسیې له دې لپټاپ څخه لرې شوې.</numerusform>
                <numerusform>%Ln دوسیې له دې لپټاپ څخه لرې شوې.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../outbox_view.py" line="132" />
            <source>Receipt refused: {reason}</source>
            <translation>رسید رد شو: {reason}</translation>
        </message>
    </context>
    <context>
        <name>PanicConfirm</name>
        <message>
            <location filename="../panic_ui.py" line="71" />
            <source>Erase everything</source>
            <translation>هر څه ړنګول</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="72" />
            <source>Erase everything on this laptop now?</source>
            <translation>همدا اوس په دې لپټاپ کې هر څه ړنګ شي؟</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="74" />
            <source>The records can never be opened again, not even with the passphrase. The app closes.

Enter: erase. Escape: cancel.</source>
            <translation>دوسیې به بیا هېڅکله پرانیستل نه شي، حتی په پټنوم هم نه. پروګرام بندېږي.

د ړنګولو لپاره Enter، او د لغوه کولو لپاره Escape ووهئ.</translation>
        </message>
        <message>
            <location filename="../panic_ui.py" line="77" />
            <source>&amp;Erase now</source>
            <translation>همدا اوس یې ړنګ کړئ</translation>
        </message>
    </context>
    <context>
        <name>PassphraseFields</name>
        <message>
            <location filename="../passphrase.py" line="73" />
            <source>New passphrase</source>
            <translation>نوی پټنوم</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="76" />
            <source>Repeat the passphrase</source>
            <translation>پټنوم تکرار کړئ</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="80" />
            <source>Passphrase strength</source>
            <translation>د پټنوم ځواک</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="83" />
            <source>Show passphrase</source>
            <translation>پټنوم ښکاره کړئ</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="86" />
            <source>&amp;New passphrase:</source>
            <translation>نوی پټنوم:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="88" />
            <source>&amp;Repeat:</source>
            <translation>تکرار:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="92" />
            <source>Strength:</source>
            <translation>ځواک:</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="110" />
            <source>Too short or too easy to guess (use at least 8 characters; several words are best)</source>
            <translation>ډېر لنډ یا د اټکل لپاره اسانه (لږ تر لږه ۸ توري؛ څو کلمې غوره دي)</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="112" />
            <source>Weak</source>
            <translation>کمزوری</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="113" />
            <source>Fair</source>
            <translation>منځنی</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="114" />
            <source>Strong</source>
            <translation>پیاوړی</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="115" />
            <source>Very strong</source>
            <translation>ډېر پیاوړی</translation>
        </message>
        <message>
            <location filename="../passphrase.py" line="124" />
            <source>The two passphrases do not match.</source>
            <translation>دواړه پټنومونه سره سمون نه لري.</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <location filename="../wizard.py" line="102" />
            <source>Choose a passphrase</source>
            <translation>یو پټنوم وټاکئ</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="103" />
            <source>It protects every record on this laptop. Several unrelated words are easy to remember and hard to guess. There is no way to recover it if it is forgotten.</source>
            <translation>دا په دې لپټاپ کې هره دوسیه ساتي. څو بې اړیکې کلمې په یادول اسانه او اټکل یې ګران دی. که هېر شي، د بېرته راوړلو هېڅ لار نشته.</translation>
        </message>
    </context>
    <context>
        <name>ProfilePage</name>
        <message>
            <location filename="../hq/setup_wizard.py" line="43" />
            <source>Create the HQ profile</source>
            <translation>د مرکزي دفتر پروفایل جوړول</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="45" />
            <source>This computer will hold HQ's keys and every record the laptops send. The passphrase protects them; there is no way to recover it if it is forgotten.</source>
            <translation>دا کمپیوټر به د مرکزي دفتر کلیلونه او هر هغه ریکارډ چې لپټاپونه یې لېږي وساتي. رمز یې ساتنه کوي؛ که هېر شي د بیا راوستلو لار نشته.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="48" />
            <source>Organisation name</source>
            <translation>د سازمان نوم</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="49" />
            <source>As field staff know it</source>
            <translation>لکه څنګه چې ساحوي کارکوونکي یې پېژني</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="55" />
            <source>Use a &amp;team database…</source>
            <translation>د &amp;ټیم ډیټابیس کارول…</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="56" />
            <source>Keep them on this &amp;computer</source>
            <translation>په همدې &amp;کمپیوټر کې یې وساتئ</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="62" />
            <source>Organisation name:</source>
            <translation>د سازمان نوم:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="63" />
            <source>Records and cases:</source>
            <translation>ثبتونه او قضیې:</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="89" />
            <source>On this computer, in the encrypted profile.</source>
            <translation>په همدې کمپیوټر کې، په کوډ شوي پروفایل کې.</translation>
        </message>
        <message>
            <location filename="../hq/setup_wizard.py" line="90" />
            <source>In the team database {url}</source>
            <translation>د ټیم په ډیټابیس {url} کې</translation>
        </message>
    </context>
    <context>
        <name>ProtectionPage</name>
        <message>
            <location filename="../protect_settings.py" line="43" />
            <source>Never</source>
            <translation>هېڅکله</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="45" />
            <source>Erase after this many wrong passphrases</source>
            <translation>له دومره غلطو پټنومونو وروسته ړنګول</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="47" />
            <source>Erase them too</source>
            <translation>هغوی هم ړنګ کړئ</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="48" />
            <source>Keep them (only HQ can open them)</source>
            <translation>وې ساتئ (یوازې مرکزي دفتر یې پرانیستلای شي)</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="50" />
            <source>Sealed bundles when erasing</source>
            <translation>د ړنګولو پر وخت سربندې کڅوړې</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="54" />
            <source> s</source>
            <translation> ثانیې</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="55" />
            <source>Clear copied text after seconds</source>
            <translation>له څو ثانیو وروسته د کاپي شوي متن پاکول</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="56" />
            <source>Erasing</source>
            <translation>ړنګول</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="58" />
            <source>&amp;Erase everything after this many wrong passphrases:</source>
            <translation>له دومره غلطو پټنومونو وروسته هر څه ړنګول:</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="60" />
            <source>Sealed &amp;bundles in the outbox, on panic or erase:</source>
            <translation>د لېږلو په صندوق کې سربندې کڅوړې، د ړنګولو پر وخت (بیړني یا خپلکاره):</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="62" />
            <source>Clear &amp;copied text after (seconds):</source>
            <translation>د کاپي شوي متن پاکول وروسته له (ثانیو):</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="63" />
            <source>Panic: Ctrl+Shift+Delete on any screen, or the red button. It erases at once and closes the app.</source>
            <translation>بیړني ړنګول: په هره پاڼه کې Ctrl+Shift+Delete، یا سور تڼی. سمدلاسه هر څه ړنګوي او پروګرام بندوي.</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="68" />
            <source>&amp;When it is used, first erase the real records (silently)</source>
            <translation>کله چې وکارول شي، لومړی اصلي دوسیې (په پټه) ړنګې کړئ</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="70" />
            <source>Set duress passphrase</source>
            <translation>د اجبار پټنوم ټاکل</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="71" />
            <source>Remove any duress passphrase</source>
            <translation>د اجبار پټنوم لرې کول (که وي)</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="74" />
            <source>A second passphrase to give if you are forced to open the app. It opens a harmless practice profile instead of your records. The app never shows whether one is set.</source>
            <translation>دویم پټنوم، د هغه وخت لپاره چې تاسو د پروګرام پرانیستلو ته اړ کړل شئ. دا ستاسو د دوسیو پر ځای د تمرین یو بې ضرره پروفایل پرانیزي. پروګرام هېڅکله نه ښيي چې داسې پټنوم ټاکل شوی که نه.</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="77" />
            <source>Duress passphrase</source>
            <translation>د اجبار پټنوم</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="110" />
            <source>Setting the duress passphrase…</source>
            <translation>د اجبار پټنوم ټاکل کېږي…</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="114" />
            <source>Duress passphrase set. Never write it next to your passphrase.</source>
            <translation>د اجبار پټنوم وټاکل شو. هېڅکله یې د خپل اصلي پټنوم تر څنګ مه لیکئ.</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="120" />
            <source>Removing…</source>
            <translation>لرې کېږي…</translation>
        </message>
        <message>
            <location filename="../protect_settings.py" line="123" />
            <source>No duress passphrase is set now.</source>
            <translation>اوس هېڅ د اجبار پټنوم نه دی ټاکل شوی.</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="../qt_texts.py" line="17" />
            <source>OK</source>
            <translation>سمه ده</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="18" />
            <source>Cancel</source>
            <translation>لغوه</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="19" />
            <source>&amp;Yes</source>
            <translation>هو</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="20" />
            <source>&amp;No</source>
            <translation>نه</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="21" />
            <source>Close</source>
            <translation>بندول</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="22" />
            <source>Save</source>
            <translation>خوندي کول</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="23" />
            <source>Discard</source>
            <translation>پرېښودل</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="24" />
            <source>Apply</source>
            <translation>پلي کول</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="25" />
            <source>Open</source>
            <translation>خلاصول</translation>
        </message>
        <message>
            <location filename="../qt_texts.py" line="26" />
            <source>Retry</source>
            <translation>بیا هڅه</translation>
        </message>
    </context>
    <context>
        <name>ReceiptsView</name>
        <message>
            <location filename="../hq/receipts_view.py" line="40" />
            <source>A receipt tells a laptop which of its bundles HQ holds, so it can mark them delivered. Receipts hold no record content.</source>
            <translation>رسید لپټاپ ته وايي چې د هغه کومې کڅوړې مرکزي دفتر لري، څو هغه یې سپارل شوې په نښه کړي. رسیدونه د دوسیو هېڅ منځپانګه نلري.</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="43" />
            <source>Bundles received per device</source>
            <translation>د هرې وسیلې ترلاسه شوې کڅوړې</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="44" />
            <source>Device</source>
            <translation>وسیله</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="44" />
            <source>Bundles received</source>
            <translation>ترلاسه شوې کڅوړې</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="45" />
            <source>Through sequence</source>
            <translation>تر شمېرې پورې</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="46" />
            <source>&amp;Write receipts to a folder…</source>
            <translation>رسیدونه په فولډر کې لیکل…</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="48" />
            <source>Drop box address (https://…)</source>
            <translation>د تحویلي صندوق پته (https://…)</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="49" />
            <source>Drop box address</source>
            <translation>د تحویلي صندوق پته</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="50" />
            <source>&amp;Publish to drop box</source>
            <translation>تحویلي صندوق ته خپرول</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="80" />
            <source>No bundles imported yet: nothing to acknowledge.</source>
            <translation>لا کومه کڅوړه نه ده وارده شوې: د تاییدولو لپاره څه نشته.</translation>
        </message>
        <message>
            <location filename="../hq/receipts_view.py" line="83" />
            <source>Folder for the receipts</source>
            <translation>د رسیدونو لپاره فولډر</translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/receipts_view.py" line="104" />
            <source>Wrote %n receipt(s) to {folder}.</source>
            <translation>
                <numerusform>%Ln رسیدونه په {folder} کې ولیکل شول.</numerusform>
                <numerusform>%Ln رسیدونه په {folder} کې ولیکل شول.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../hq/receipts_view.py" line="116" />
            <source>Published %n receipt(s).</source>
            <translation>
                <numerusform>%Ln رسیدونه خپاره شول.</numerusform>
                <numerusform>%Ln رسیدونه خپاره شول.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordEditor</name>
        <message>
            <location filename="../editor/editor.py" line="85" />
            <source>Form language</source>
            <translation>د فورمې ژبه</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="91" />
            <source>Form language:</source>
            <translation>د فورمې ژبه:</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="95" />
            <source>Sections</source>
            <translation>برخې</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="108" />
            <source>&amp;Previous</source>
            <translation>مخکینی</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="109" />
            <source>Ne&amp;xt</source>
            <translation>بل</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="110" />
            <location filename="../editor/editor.py" line="462" />
            <source>&amp;Save draft</source>
            <translation>مسوده خوندي کړئ</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="111" />
            <source>Save the answers so far (Ctrl+S)</source>
            <translation>تر اوسه ځوابونه خوندي کړئ (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="112" />
            <source>&amp;Finalize…</source>
            <translation>وروستی کول…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="113" />
            <source>Re&amp;view answers</source>
            <translation>د ځوابونو کتنه</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="114" />
            <source>Every answer on one page, before finalizing</source>
            <translation>ټول ځوابونه په یوه پاڼه، له وروستي کولو مخکې</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="115" />
            <source>&amp;Close</source>
            <translation>بندول</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="200" />
            <location filename="../editor/editor.py" line="201" />
            <location filename="../editor/editor.py" line="230" />
            <source>General</source>
            <translation>عمومي</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="381" />
            <source>{section} — {question}: {message}</source>
            <translation>{section} — {question}: {message}</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="463" />
            <source>&amp;Save changes</source>
            <translation>بدلونونه خوندي کړئ</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="490" />
            <source>Finalize record</source>
            <translation>دوسیه وروستی کول</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="491" />
            <source>Finalize this record? It will be ready to send to HQ. Check the answers with the person first.</source>
            <translation>دا دوسیه وروستۍ شي؟ مرکزي دفتر ته د لېږلو لپاره به چمتو شي. لومړی ځوابونه له هغه کس سره وګورئ.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="510" />
            <source>Saving…</source>
            <translation>خوندي کېږي…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="531" />
            <source>Record finalized at {time}.</source>
            <translation>دوسیه په {time} وروستۍ شوه.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="534" />
            <source>Saved at {time}.</source>
            <translation>په {time} خوندي شوه.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="550" />
            <source>Not saved: {reason}</source>
            <translation>خوندي نه شوه: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/editor.py" line="573" />
            <source>Not saved: %n answer(s) need attention (marked in red).</source>
            <translation>
                <numerusform>خوندي نه شوه: %Ln ځوابونه پاملرنې ته اړتیا لري (په سور رنګ).</numerusform>
                <numerusform>خوندي نه شوه: %Ln ځوابونه پاملرنې ته اړتیا لري (په سور رنګ).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="580" />
            <source>Close record</source>
            <translation>دوسیه بندول</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="581" />
            <source>Close without saving? The answers since the last save will be lost.</source>
            <translation>پرته له خوندي کولو بنده شي؟ له وروستي خوندي کولو وروسته ځوابونه به ورک شي.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="118" />
            <source>Save state</source>
            <translation>د خوندي کولو حالت</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="170" />
            <source>All changes saved.</source>
            <translation>ټول بدلونونه خوندي شول.</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/editor.py" line="569" />
            <source>Draft saved; %n answer(s) needed before finalizing (marked in red).</source>
            <translation>
                <numerusform>مسوده خوندي شوه؛ د وروستي کولو مخکې %Ln ځوابونه اړین دي (په سور نښه شوي).</numerusform>
                <numerusform>مسوده خوندي شوه؛ د وروستي کولو مخکې %Ln ځوابونه اړین دي (په سور نښه شوي).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordView</name>
        <message>
            <location filename="../hq/record_view.py" line="50" />
            <source>Open a record from the list.</source>
            <translation>له لړلیک څخه یوه دوسیه پرانیزئ.</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="52" />
            <source>Answers</source>
            <translation>ځوابونه</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="54" />
            <source>Question</source>
            <translation>پوښتنه</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="54" />
            <source>Answer</source>
            <translation>ځواب</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="58" />
            <location filename="../hq/record_view.py" line="74" />
            <source>Attachments</source>
            <translation>ضمیمې</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="59" />
            <source>Attachment</source>
            <translation>ضمیمه</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="59" />
            <source>Type</source>
            <translation>ډول</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="60" />
            <source>Size</source>
            <translation>اندازه</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="62" />
            <source>&amp;Open</source>
            <translation>پرانیستل</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="63" />
            <source>Photos and audio open in memory</source>
            <translation>عکسونه او غږونه په حافظه کې پرانیستل کېږي</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="64" />
            <source>&amp;Save as…</source>
            <translation>په نوم خوندي کول…</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="65" />
            <source>Writes an unencrypted copy where you choose</source>
            <translation>یوه نا کوډ شوې کاپي هلته لیکي چې تاسو یې ټاکئ</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="97" />
            <source>Opening…</source>
            <translation>پرانیستل کېږي…</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="106" />
            <source>Record {id} · {form} · revision {rev} · updated {when}</source>
            <translation>دوسیه {id} · {form} · بیاکتنه {rev} · تازه شوې {when}</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="170" />
            <source>Save attachment</source>
            <translation>ضمیمه خوندي کول</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="171" />
            <source>The copy you save is NOT encrypted: it leaves the protected store. Keep it on an encrypted disk and delete it when done. Save {name}?</source>
            <translation>هغه کاپي چې خوندي کوئ یې کوډ شوې نه ده: له ساتل شوي زېرمتون څخه وځي. په کوډ شوې ډیسک یې وساتئ او د کار وروسته یې ړنګ کړئ. {name} خوندي شي؟</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="175" />
            <source>Save attachment as</source>
            <translation>ضمیمه په نوم خوندي کول</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="185" />
            <source>Saved an unencrypted copy to {path}.</source>
            <translation>یوه نا کوډ شوې کاپي په {path} کې خوندي شوه.</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="217" />
            <source>Row {n}</source>
            <translation>کرښه {n}</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="232" />
            <source>Yes</source>
            <translation>هو</translation>
        </message>
        <message>
            <location filename="../hq/record_view.py" line="233" />
            <source>No</source>
            <translation>نه</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Record</source>
            <translation>دوسیه</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Form</source>
            <translation>فورمه</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Status</source>
            <translation>حالت</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Updated</source>
            <translation>تازه شوې</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="87" />
            <source>Name</source>
            <translation>نوم</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="88" />
            <source>Interview date</source>
            <translation>د مرکې نېټه</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="90" />
            <source>Draft</source>
            <translation>مسوده</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="91" />
            <source>Finalized</source>
            <translation>وروستۍ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="92" />
            <source>Sealed</source>
            <translation>سربند شوې</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="93" />
            <source>Delivered</source>
            <translation>وسپارل شوې</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="94" />
            <source>Received</source>
            <translation>ترلاسه شوې</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="130" />
            <source>Record {id}</source>
            <translation>دوسیه {id}</translation>
        </message>
    </context>
    <context>
        <name>RecordsView</name>
        <message>
            <location filename="../records_view.py" line="256" />
            <source>Search records…</source>
            <translation>په دوسیو کې لټون…</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="257" />
            <source>Search records</source>
            <translation>په دوسیو کې لټون</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="260" />
            <source>Filter by status</source>
            <translation>د حالت له مخې چاڼ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="261" />
            <source>All statuses</source>
            <translation>ټول حالتونه</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="265" />
            <source>Filter by form</source>
            <translation>د فورمې له مخې چاڼ</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="266" />
            <source>All forms</source>
            <translation>ټولې فورمې</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="270" />
            <source>Number of records</source>
            <translation>د دوسیو شمېر</translation>
        </message>
        <message>
            <location filename="../records_view.py" line="273" />
            <source>Records</source>
            <translation>دوسیې</translation>
        </message>
        <message numerus="yes">
            <location filename="../records_view.py" line="349" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%Ln پایلې</numerusform>
                <numerusform>%Ln پایلې</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../records_view.py" line="351" />
            <source>%n record(s)</source>
            <translation>
                <numerusform>%Ln دوسیې</numerusform>
                <numerusform>%Ln دوسیې</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../records_view.py" line="355" />
            <source>Loading…</source>
            <translation>پورته کېږي…</translation>
        </message>
    </context>
    <context>
        <name>RepeatRow</name>
        <message>
            <location filename="../editor/repeat.py" line="34" />
            <source>Remove row</source>
            <translation>قطار لرې کول</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="48" />
            <source>Remove row {n}</source>
            <translation>قطار {n} لرې کول</translation>
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
            <translation>{name} ته قطار ورزیاتول</translation>
        </message>
        <message>
            <location filename="../editor/repeat.py" line="69" />
            <source>Add to {name}</source>
            <translation>{name} ته ورزیاتول</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../editor/review.py" line="95" />
            <source>Review the answers</source>
            <translation>د ځوابونو کتنه</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="101" />
            <source>All answers</source>
            <translation>ټول ځوابونه</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="104" />
            <source>&amp;Back to the form</source>
            <translation>فورم ته بېرته</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="105" />
            <source>&amp;Finalize…</source>
            <translation>وروستی کول…</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="134" />
            <source>Yes</source>
            <translation>هو</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="134" />
            <source>No</source>
            <translation>نه</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="148" />
            <source>Edit</source>
            <translation>سمول</translation>
        </message>
        <message>
            <location filename="../editor/review.py" line="149" />
            <source>Not answered</source>
            <translation>ځواب نه دی ورکړل شوی</translation>
        </message>
    </context>
    <context>
        <name>SealPage</name>
        <message>
            <location filename="../export_view.py" line="189" />
            <source>Sealing</source>
            <translation>سربندېږي</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="190" />
            <source>The finalized records are being encrypted for HQ.</source>
            <translation>وروستۍ دوسیې د مرکزي دفتر لپاره کوډ کېږي.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="192" />
            <source>Sealing progress</source>
            <translation>د سربندولو پرمختګ</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="194" />
            <source>&amp;Cancel sealing</source>
            <translation>سربندول لغوه کړئ</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="208" />
            <source>Preparing…</source>
            <translation>چمتو کېږي…</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="231" />
            <source>Sealed {done} of {total}.</source>
            <translation>{done} له {total} څخه سربند شول.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="238" />
            <source>Cancelling…</source>
            <translation>لغوه کېږي…</translation>
        </message>
    </context>
    <context>
        <name>SendPanel</name>
        <message>
            <location filename="../send_panel.py" line="27" />
            <source>&amp;Send now</source>
            <translation>همدا اوس یې ولېږئ</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="28" />
            <source>Send now</source>
            <translation>همدا اوس یې ولېږئ</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="30" />
            <source>Send the bundles waiting for HQ to the drop box, then collect HQ's receipt</source>
            <translation>هغه کڅوړې چې د مرکزي دفتر په تمه دي تحویلي صندوق ته ولېږئ، بیا د مرکزي دفتر رسید راواخلئ</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="33" />
            <source>Sending progress</source>
            <translation>د لېږلو پرمختګ</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="74" />
            <source>Sending over the network is not set up (Settings, Sending).</source>
            <translation>د انټرنېټ له لارې لېږل نه دي تنظیم شوي (تنظیمات، لېږل).</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="83" />
            <source>Connecting to the drop box…</source>
            <translation>له تحویلي صندوق سره نښلېږي…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="85" />
            <source>Sending bundle {i} of {n} ({done} of {total})…</source>
            <translation>د {n} کڅوړو څخه {i} لېږل کېږي ({done} له {total} څخه)…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="89" />
            <source>Collecting HQ's receipt…</source>
            <translation>د مرکزي دفتر رسید راوړل کېږي…</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="91" />
            <source>Last attempt at {time}.</source>
            <translation>وروستۍ هڅه په {time}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="94" />
            <source>%n bundle(s) sent.</source>
            <translation>
                <numerusform>%Ln کڅوړه ولېږل شوه.</numerusform>
                <numerusform>%Ln کڅوړې ولېږل شوې.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="96" />
            <source>%n already at the drop box.</source>
            <translation>
                <numerusform>%Ln کڅوړه دمخه په تحویلي صندوق کې وه.</numerusform>
                <numerusform>%Ln کڅوړې دمخه په تحویلي صندوق کې وې.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="98" />
            <source>%n refused by the drop box.</source>
            <translation>
                <numerusform>تحویلي صندوق %Ln کڅوړه رد کړه.</numerusform>
                <numerusform>تحویلي صندوق %Ln کڅوړې رد کړې.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../send_panel.py" line="100" />
            <source>HQ confirmed %n bundle(s).</source>
            <translation>
                <numerusform>مرکزي دفتر %Ln کڅوړه تایید کړه.</numerusform>
                <numerusform>مرکزي دفتر %Ln کڅوړې تایید کړې.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="103" />
            <source>HQ's receipt was refused: {reason}</source>
            <translation>د مرکزي دفتر رسید رد شو: {reason}</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="107" />
            <source>The drop box cannot be reached.</source>
            <translation>تحویلي صندوق ته لاسرسی نشته.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="108" />
            <source>Next try at {time}.</source>
            <translation>بله هڅه په {time}.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="111" />
            <source>The drop box cannot be reached. Nothing was lost: try again later.</source>
            <translation>تحویلي صندوق ته لاسرسی نشته. هېڅ شی ورک نه شو: وروسته بیا هڅه وکړئ.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="114" />
            <source>Sending failed: {reason}</source>
            <translation>لېږل ناکام شول: {reason}</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="116" />
            <source>Background sending is on.</source>
            <translation>په شالید کې لېږل فعال دي.</translation>
        </message>
        <message>
            <location filename="../send_panel.py" line="118" />
            <source>Ready to send. Bundles stay on this laptop until HQ's receipt confirms them.</source>
            <translation>د لېږلو لپاره چمتو. کڅوړې تر هغه په دې لپټاپ کې پاتې کېږي چې د مرکزي دفتر رسید یې تایید کړي.</translation>
        </message>
    </context>
    <context>
        <name>SendingPage</name>
        <message>
            <location filename="../sending_settings.py" line="24" />
            <source>Drop box address</source>
            <translation>د تحویلي صندوق پته</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="27" />
            <source>SOCKS5 proxy</source>
            <translation>د SOCKS5 پراکسي</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="31" />
            <source>Send in the &amp;background when the drop box can be reached</source>
            <translation>کله چې تحویلي صندوق ته لاسرسی وي، په شالید کې یې ولېږئ</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="38" />
            <source>HQ gives you the drop box address. With Tor running, use the proxy socks5://127.0.0.1:9050: every connection then goes through it. Bundles stay on this laptop until HQ's receipt confirms them.</source>
            <translation>د تحویلي صندوق پته مرکزي دفتر درکوي. که Tor چلېږي، پراکسي socks5://127.0.0.1:9050 وکاروئ: بیا هره اړیکه له هغې تېرېږي. کڅوړې تر هغه په دې لپټاپ کې پاتې کېږي چې د مرکزي دفتر رسید یې تایید کړي.</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="42" />
            <source>&amp;Drop box address:</source>
            <translation>د تحویلي صندوق پته:</translation>
        </message>
        <message>
            <location filename="../sending_settings.py" line="43" />
            <source>SOCKS5 pro&amp;xy (optional):</source>
            <translation>د SOCKS5 پراکسي (اختیاري):</translation>
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
            <translation>ژبه</translation>
        </message>
        <message>
            <location filename="../settings.py" line="67" />
            <source>Lock after minutes without use</source>
            <translation>له څو دقیقو بې کارۍ وروسته قلف</translation>
        </message>
        <message>
            <location filename="../settings.py" line="70" />
            <source> min</source>
            <translation> دقیقې</translation>
        </message>
        <message>
            <location filename="../settings.py" line="71" />
            <source>General</source>
            <translation>عمومي</translation>
        </message>
        <message>
            <location filename="../settings.py" line="73" />
            <source>&amp;Language:</source>
            <translation>ژبه:</translation>
        </message>
        <message>
            <location filename="../settings.py" line="74" />
            <source>Loc&amp;k after (minutes without use):</source>
            <translation>قلف وروسته له (بې کارۍ دقیقو):</translation>
        </message>
        <message>
            <location filename="../settings.py" line="75" />
            <source>HQ's policy allows at most {n} minutes.</source>
            <translation>د مرکزي دفتر پالیسي تر ټولو ډېر {n} دقیقې اجازه ورکوي.</translation>
        </message>
        <message>
            <location filename="../settings.py" line="80" />
            <source>Current passphrase</source>
            <translation>اوسنی پټنوم</translation>
        </message>
        <message>
            <location filename="../settings.py" line="82" />
            <source>&amp;Change passphrase</source>
            <translation>پټنوم بدلول</translation>
        </message>
        <message>
            <location filename="../settings.py" line="84" />
            <source>Passphrase</source>
            <translation>پټنوم</translation>
        </message>
        <message>
            <location filename="../settings.py" line="86" />
            <source>C&amp;urrent passphrase:</source>
            <translation>اوسنی پټنوم:</translation>
        </message>
        <message>
            <location filename="../settings.py" line="93" />
            <source>Not enrolled with HQ yet.</source>
            <translation>تر اوسه له مرکزي دفتر سره نوم لیکنه نه ده شوې.</translation>
        </message>
        <message>
            <location filename="../settings.py" line="101" />
            <source>Device fingerprint</source>
            <translation>د وسیلې د ګوتو نښه</translation>
        </message>
        <message>
            <location filename="../settings.py" line="102" />
            <source>This laptop</source>
            <translation>دا لپټاپ</translation>
        </message>
        <message>
            <location filename="../settings.py" line="104" />
            <source>Device fingerprint (HQ may ask you to read it out):</source>
            <translation>د وسیلې د ګوتو نښه (ښايي مرکزي دفتر وغواړي چې ویې لولئ):</translation>
        </message>
        <message>
            <location filename="../settings.py" line="120" />
            <source>&amp;General</source>
            <translation>عمومي</translation>
        </message>
        <message>
            <location filename="../settings.py" line="121" />
            <source>&amp;Protection</source>
            <translation>ساتنه</translation>
        </message>
        <message>
            <location filename="../settings.py" line="122" />
            <source>Send&amp;ing</source>
            <translation>لېږل</translation>
        </message>
        <message>
            <location filename="../settings.py" line="150" />
            <source>Changing the passphrase…</source>
            <translation>پټنوم بدلېږي…</translation>
        </message>
        <message>
            <location filename="../settings.py" line="157" />
            <source>Passphrase changed. Use the new one from now on.</source>
            <translation>پټنوم بدل شو. له اوس وروسته نوی وکاروئ.</translation>
        </message>
        <message>
            <location filename="../settings.py" line="162" />
            <source>The current passphrase is wrong.</source>
            <translation>اوسنی پټنوم غلط دی.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message numerus="yes">
            <location filename="../export_view.py" line="294" />
            <source>%n sealed volume(s) that never reached a stick were written too.</source>
            <translation>
                <numerusform>%Ln مهر شوې برخې چې هېڅکله USB ته نه وې رسېدلې هم ولیکل شوې.</numerusform>
                <numerusform>%Ln مهر شوې برخې چې هېڅکله USB ته نه وې رسېدلې هم ولیکل شوې.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="265" />
            <source>Done</source>
            <translation>بشپړ شو</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="280" />
            <source>Cancelled</source>
            <translation>لغوه شو</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="281" />
            <source>Sealing was cancelled. Nothing new was written; the records stay finalized.</source>
            <translation>سربندول لغوه شول. هېڅ نوی شی ونه لیکل شو؛ دوسیې وروستۍ پاتې کېږي.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="284" />
            <source>Not sealed</source>
            <translation>سربند نه شو</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="285" />
            <source>Sealing failed: {reason}</source>
            <translation>سربندول ناکام شول: {reason}</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="290" />
            <source>There was nothing to seal: finalize records first.</source>
            <translation>د سربندولو لپاره هېڅ نه و: لومړی دوسیې وروستۍ کړئ.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="292" />
            <source>Sealed</source>
            <translation>سربند شوې</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_view.py" line="297" />
            <source>%n record(s) sealed, with {att} attachment(s), into {files} file(s) ({size}) in {dest}:</source>
            <translation>
                <numerusform>%Ln دوسیې، له {att} ضمیمو سره، په {files} فایلونو ({size}) کې په {dest} کې سربند شوې:</numerusform>
                <numerusform>%Ln دوسیې، له {att} ضمیمو سره، په {files} فایلونو ({size}) کې په {dest} کې سربند شوې:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../export_view.py" line="304" />
            <source>Remove the USB stick safely: use “Eject” or “Safely remove” before pulling it out, then hand it over.</source>
            <translation>USB فلش په خوندي ډول لرې کړئ: د ویستلو مخکې «Eject» یا «Safely remove» وکاروئ، بیا یې وسپارئ.</translation>
        </message>
        <message>
            <location filename="../export_view.py" line="307" />
            <source>If this folder is on a USB stick, eject it safely before pulling it out.</source>
            <translation>که دا فولډر په USB فلش کې وي، د ویستلو مخکې یې په خوندي ډول جلا کړئ.</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <location filename="../unlock.py" line="32" />
            <source>Intake is locked</source>
            <translation>پروګرام قلف دی</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="38" />
            <source>Type your passphrase to open your records.</source>
            <translation>د خپلو دوسیو د پرانیستلو لپاره خپل پټنوم ولیکئ.</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="42" />
            <location filename="../unlock.py" line="43" />
            <source>Passphrase</source>
            <translation>پټنوم</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="45" />
            <source>&amp;Unlock</source>
            <translation>قلف خلاصول</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="47" />
            <source>Unlock</source>
            <translation>قلف خلاصول</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="55" />
            <source>Opening</source>
            <translation>پرانیستل کېږي</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="58" />
            <source>Emergency erase…</source>
            <translation>بیړني ړنګول…</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="60" />
            <source>Emergency erase</source>
            <translation>بیړني ړنګول</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="62" />
            <source>Erase everything on this laptop now and close the app (Ctrl+Shift+Delete)</source>
            <translation>همدا اوس په دې لپټاپ کې هر څه ړنګ کړئ او پروګرام بند کړئ (Ctrl+Shift+Delete)</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="103" />
            <source>Type your passphrase first.</source>
            <translation>لومړی خپل پټنوم ولیکئ.</translation>
        </message>
        <message>
            <location filename="../unlock.py" line="123" />
            <source>Wrong passphrase. Check the keyboard language and Caps Lock, then try again.</source>
            <translation>پټنوم غلط دی. د کیبورډ ژبه او Caps Lock وګورئ، بیا هڅه وکړئ.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../wizard.py" line="63" />
            <source>Welcome</source>
            <translation>ښه راغلاست</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="64" />
            <source>This app keeps interview records encrypted on this laptop and seals them so that only HQ can read them.</source>
            <translation>دا پروګرام د مرکې دوسیې په دې لپټاپ کې کوډ شوې ساتي او داسې یې سربندوي چې یوازې مرکزي دفتر یې ولوستلای شي.</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="67" />
            <source>Language</source>
            <translation>ژبه</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="70" />
            <source>&amp;Set up this laptop for field work</source>
            <translation>دا لپټاپ د ساحوي کار لپاره چمتو کړئ</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="71" />
            <source>&amp;Try a demo first (sample records, kept apart from real data)</source>
            <translation>لومړی نمایشي بڼه وازمویئ (د بېلګې دوسیې، له اصلي معلوماتو جلا)</translation>
        </message>
        <message>
            <location filename="../wizard.py" line="78" />
            <source>&amp;Language:</source>
            <translation>ژبه:</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../workspace.py" line="68" />
            <source>&amp;Records</source>
            <translation>دوسیې</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="69" />
            <source>&amp;Outbox</source>
            <translation>د لېږلو صندوق</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="98" />
            <source>No forms</source>
            <translation>فورمه نشته</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="99" />
            <source>No forms are installed. Enroll with HQ first.</source>
            <translation>هېڅ فورمه نصب نه ده. لومړی له مرکزي دفتر سره نوم لیکنه وکړئ.</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="134" />
            <source>Record sealed</source>
            <translation>دوسیه سربنده شوې</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="135" />
            <source>This record is sealed for HQ. No readable copy is kept on this laptop.</source>
            <translation>دا دوسیه د مرکزي دفتر لپاره سربنده شوې. په دې لپټاپ کې هېڅ د لوستلو وړ کاپي نه ساتل کېږي.</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="164" />
            <source>Close record</source>
            <translation>دوسیه بندول</translation>
        </message>
        <message>
            <location filename="../workspace.py" line="165" />
            <source>Close without saving? The answers since the last save will be lost.</source>
            <translation>پرته له خوندي کولو بنده شي؟ له وروستي خوندي کولو وروسته ځوابونه به ورک شي.</translation>
        </message>
    </context>
    <context>
        <name>YesNoField</name>
        <message>
            <location filename="../editor/choice_fields.py" line="195" />
            <source>Yes</source>
            <translation>هو</translation>
        </message>
        <message>
            <location filename="../editor/choice_fields.py" line="196" />
            <source>No</source>
            <translation>نه</translation>
        </message>
    </context>
</TS>
