; Inno Setup 6 script: the Windows installer for the folder packaging/build.py makes.
; Build (from the repository root, after `python packaging\build.py --fresh-venv`):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 ^
;     /DSourceDir=dist\intake_app-0.1.0-windows-x86_64 /Odist packaging\windows\intake_app.iss
; Signing (placeholder): register a sign tool named "signtool" in the Inno Setup IDE
; (Tools > Configure Sign Tools), e.g.
;   signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx /p PASS $f
; then add /DSign=1 to the ISCC command line. Unsigned installers trigger SmartScreen.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=dist\intake_app-X.Y.Z-windows-x86_64
#endif

[Setup]
; A fixed AppId keeps upgrades in place: never change it after the first release.
AppId={{6F1C2A55-0B5E-4C1B-9A59-2B7E1D1C7A10}
AppName=Intake
AppVersion={#AppVersion}
AppPublisher=intake_app maintainers
DefaultDirName={autopf}\Intake
DefaultGroupName=Intake
DisableProgramGroupPage=yes
; Per-user install by default: field laptops may not give staff admin rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=intake_app-{#AppVersion}-windows-x86_64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; LicenseFile=..\..\LICENSE  (add once the repository has a LICENSE file: GPL-3.0-or-later)
UninstallDisplayIcon={app}\intake-app.exe
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Intake"; Filename: "{app}\intake-app.exe"
Name: "{autodesktop}\Intake"; Filename: "{app}\intake-app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\intake-app.exe"; Description: "{cm:LaunchProgram,Intake}"; Flags: nowait postinstall skipifsilent
