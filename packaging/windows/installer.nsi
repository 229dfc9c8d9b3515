; DLA Drafter's Windows installer (NSIS 3). Built on Linux or Windows by
; packaging/windows/make_installer.py, which passes:
;   VERSION   the program's version (dla_drafter/__init__.py), e.g. 0.1.0
;   BUNDLE    the PyInstaller folder (dist/dla-drafter) it packs
;   GENERATED the folder holding files.nsh and uninstall.nsh (every file and folder of the
;             bundle, listed, so that the uninstaller removes exactly what was installed)
;   ICON      the program icon (.ico)
;   OUTFILE   dist/windows/dla-drafter-setup-VERSION.exe
;
; What it does (packaging/README.md has the whole story):
; - installs for the current user, without administrator rights, into
;   %LOCALAPPDATA%\Programs\DLA Drafter (the clerk may choose another folder);
; - Start-menu and desktop shortcuts, and an entry in Settings > Apps (per user);
; - registers the program's own file type: NAME.dladraft opens in DLA Drafter by a
;   double-click; NAME.dladraft.json drafts of earlier versions are .json files to Explorer,
;   so the program is offered in their "Open with" list without taking .json away;
; - the uninstaller removes the program files, shortcuts and registry entries it made, and
;   never the clerk's drafts, settings, keys or register (all in %LOCALAPPDATA%\dla-drafter
;   and the clerk's own folders, which it does not touch);
; - an update installs over the old version (the old program files are removed first).
; Silent: setup.exe /S [/D=FOLDER]; uninstall.exe /S.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define APPNAME "DLA Drafter"
!define PROGID "DLADrafter.Draft"
!define EXE "dla-drafter.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DLADrafter"
!define SETTINGS_KEY "Software\DLA Drafter"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${APPNAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Thai"
!insertmacro MUI_LANGUAGE "English"

LangString DRAFT_TYPE ${LANG_THAI} "ร่างหนังสือราชการ (DLA Drafter)"
LangString DRAFT_TYPE ${LANG_ENGLISH} "Letter draft (DLA Drafter)"

Function .onInit
  ; Thai on a Thai Windows, English elsewhere (the wizard's own words).
  System::Call 'kernel32::GetUserDefaultUILanguage() i .r0'
  IntOp $0 $0 & 0x3FF
  ${If} $0 == 0x1E
    StrCpy $LANGUAGE ${LANG_THAI}
  ${Else}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
FunctionEnd

Section "${APPNAME}" SecMain
  SectionIn RO
  SetShellVarContext current

  ; An update: the old version's uninstaller removes its program files (only those) first,
  ; so no file the new version dropped lingers. _?= keeps it from copying itself away.
  IfFileExists "$INSTDIR\uninstall.exe" 0 +3
    ExecWait '"$INSTDIR\uninstall.exe" /S /KEEPREGISTRY _?=$INSTDIR'
    Delete "$INSTDIR\uninstall.exe"

  !include "${GENERATED}\files.nsh"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; The program's own file type: .dladraft, opened by a double-click.
  WriteRegStr HKCU "Software\Classes\.dladraft" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.dladraft\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(DRAFT_TYPE)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  ; Drafts of earlier versions (NAME.dladraft.json) are .json files to Explorer: offered in
  ; "Open with", .json keeps its own program.
  WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APPNAME}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".dladraft" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".json" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'

  ; Settings > Apps, for this user.
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; file types changed
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only what the installer put there, file by file: a folder the clerk chose may hold
  ; other things, and %LOCALAPPDATA%\dla-drafter (settings, recovery, keys, the register)
  ; is never touched.
  !include "${GENERATED}\uninstall.nsh"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; /KEEPREGISTRY: called by the next version's installer, which keeps shortcuts and types.
  ClearErrors
  ${GetParameters} $1
  ${GetOptions} $1 "/KEEPREGISTRY" $0
  IfErrors 0 keep_registry
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\.dladraft" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.dladraft" ""
  DeleteRegValue HKCU "Software\Classes\.dladraft\OpenWithProgids" "${PROGID}"
  DeleteRegKey /IfEmpty HKCU "Software\Classes\.dladraft\OpenWithProgids"
  DeleteRegKey /IfEmpty HKCU "Software\Classes\.dladraft"
  DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  keep_registry:
SectionEnd
