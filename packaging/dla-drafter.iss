; Inno Setup 6 script: a per-user installer of the one-folder build (no administrator rights).
;
; Build dist\dla-drafter\ first (uv run python packaging\build.py), then, from the project root:
;   iscc /DAppVersion=0.1.0 packaging\dla-drafter.iss
; which writes dist\installer\dla-drafter-setup-0.1.0.exe. See packaging\README.md.
;
; Drafts are named NAME.dladraft.json. Windows takes only the part after the last dot as a
; file's type, so for Explorer a draft is a ".json" file: the installer adds DLA Drafter to
; "Open with" for .json files (OpenWithProgids) instead of taking .json over for good, and the
; clerk can make it the default there ("Always use this app").

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "DLA Drafter"
#define AppExe "dla-drafter.exe"
#define ProgId "DLADrafter.Draft"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{5C0E7B1E-3D52-4C8A-9E0B-7A6F1D2C9B41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=DLA Drafter
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user, no administrator rights: {autopf} is %LOCALAPPDATA%\Programs, registry is HKCU.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=dla-drafter-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
; The program must be closed to be updated (its DLLs are in use while it runs).
CloseApplications=yes
; Code signing: define a sign tool named "signtool" in the Inno Setup IDE (Tools > Configure
; Sign Tools) or with iscc /S"signtool=..." and uncomment (see packaging\README.md).
;SignTool=signtool
;SignedUninstaller=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\dla-drafter\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The draft type: what "Open with DLA Drafter" runs. HKA is HKCU for a per-user install.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "DLA Drafter draft"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Offered for .json files (a draft's type for Explorer, see the top of this file).
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
