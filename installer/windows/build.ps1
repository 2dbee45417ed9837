<#
.SYNOPSIS
  Windows build box: build the Xietong client bundle with PyInstaller, then its MSI with the WiX
  toolset 3.x; with -Test, install, upgrade, downgrade and uninstall it on this machine and check
  what IT relies on.

.DESCRIPTION
  Run from a 64-bit PowerShell (5.1 or 7) in a checkout of the repository:

      powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Test]

  Needs: Python 3.11+ x64 (the "py" launcher, or -Python C:\path\python.exe) with access to PyPI or
  a pip mirror, and the WiX toolset 3.11+ (its installer sets %WIX%; or -WixBin "...\bin").
  Steps:
    1. a venv in .venv-win with the client and PyInstaller (pip install -e .[dist]);
    2. translations (.qm), the icon (build\icons\xietong.ico), the onedir bundle in dist\xietong;
    3. the bundle's smoke check (xietong.exe --smoke, offscreen, exit code 0);
    4. the file list (make_filelist.py), candle and light: dist\xietong-<version>-x64.msi;
    5. optional Authenticode signing of xietong.exe and the MSI (-SignThumbprint);
    6. with -Test: the checks in installer/README.md, "What is checked where" (needs admin rights;
       it installs into Program Files and removes it again).
  This script is ASCII on purpose (Windows PowerShell 5.1 reads BOM-less scripts in the ANSI code
  page); Chinese names are built from code points.
#>
[CmdletBinding()]
param(
    [string]$Python = "py",
    [string]$PythonVersion = "3.11",
    [string]$WixBin = $(if ($env:WIX) { Join-Path $env:WIX "bin" } else { "" }),
    [string]$SignThumbprint = "",
    [string]$TimestampUrl = "",
    [switch]$SkipValidation,   # light -sval: for build agents where ICE validation cannot run
    [switch]$Test
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

if (-not [Environment]::Is64BitProcess) { throw "Run this from 64-bit PowerShell: the MSI writes the 64-bit registry view." }

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    Write-Host "> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

function Invoke-Msiexec([string[]]$Arguments) {
    Write-Host "> msiexec $($Arguments -join ' ')"
    $p = Start-Process -FilePath "msiexec.exe" -ArgumentList $Arguments -Wait -PassThru
    return $p.ExitCode
}

function Invoke-Smoke([string]$Program) {
    $home_ = Join-Path $env:TEMP ("xietong-smoke-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Force $home_ | Out-Null
    $env:QT_QPA_PLATFORM = "offscreen"
    $env:XIETONG_HOME = $home_
    try {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $p = Start-Process -FilePath $Program -ArgumentList "--smoke" -Wait -PassThru
        $watch.Stop()
        if ($p.ExitCode -ne 0) { throw "$Program --smoke failed ($($p.ExitCode)); see the log under $home_\logs" }
        return $watch.ElapsedMilliseconds
    } finally {
        Remove-Item Env:QT_QPA_PLATFORM, Env:XIETONG_HOME -ErrorAction SilentlyContinue
    }
}

function Sign-File([string]$Path) {
    if (-not $SignThumbprint) { return }
    $args_ = @("sign", "/sha1", $SignThumbprint, "/fd", "sha256")
    if ($TimestampUrl) { $args_ += @("/tr", $TimestampUrl, "/td", "sha256") }
    Invoke-Checked "signtool.exe" ($args_ + @($Path))
}

# ---- 1. the build environment
$venv = Join-Path $Root ".venv-win"
$py = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $py)) {
    if ($Python -eq "py") { Invoke-Checked "py" @("-$PythonVersion", "-m", "venv", $venv) }
    else { Invoke-Checked $Python @("-m", "venv", $venv) }
}
Invoke-Checked $py @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $py @("-m", "pip", "install", "-q", "-e", ".[dist]")
$version = (& $py "installer\versions.py").Trim()
$msiVersion = (& $py "installer\versions.py" "msi").Trim()
Write-Host "Xietong $version (MSI ProductVersion $msiVersion)"

# ---- 2./3. the bundle and its smoke check
Invoke-Checked $py @("scripts\compile_translations.py")
Invoke-Checked $py @("installer\make_icon.py", "build\icons")
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", "dist", "--workpath", "build\pyinstaller", "build_spec.spec")
$bundle = Join-Path $Root "dist\xietong"
$exe = Join-Path $bundle "xietong.exe"
$startMs = Invoke-Smoke $exe
Sign-File $exe

# ---- 4. the MSI
if (-not $WixBin -or -not (Test-Path (Join-Path $WixBin "candle.exe"))) { throw "WiX toolset 3.x not found: install it or pass -WixBin <folder of candle.exe>" }
$work = Join-Path $Root "build\msi"
New-Item -ItemType Directory -Force $work | Out-Null
Invoke-Checked $py @("installer\windows\make_filelist.py", $bundle, "$work\files.wxs", "--main-exe", "xietong.exe")

function Build-Msi([string]$ProductVersion, [string]$Out) {
    $defines = @("-nologo", "-arch", "x64", "-dVersion=$ProductVersion", "-dBundleDir=$bundle",
        "-dIconFile=$Root\build\icons\xietong.ico", "-dToolchain=wix")
    Invoke-Checked (Join-Path $WixBin "candle.exe") ($defines + @("-out", "$work\xietong.wixobj", "$Root\installer\windows\xietong.wxs"))
    Invoke-Checked (Join-Path $WixBin "candle.exe") ($defines + @("-out", "$work\files.wixobj", "$work\files.wxs"))
    $lightArgs = @("-nologo", "-spdb", "-out", $Out)
    if ($SkipValidation) { $lightArgs += "-sval" }
    Invoke-Checked (Join-Path $WixBin "light.exe") ($lightArgs + @("$work\xietong.wixobj", "$work\files.wixobj"))
}

$msi = Join-Path $Root "dist\xietong-$msiVersion-x64.msi"
Build-Msi $msiVersion $msi
Sign-File $msi

$bundleMb = [math]::Round(((Get-ChildItem -Recurse -File $bundle | Measure-Object Length -Sum).Sum / 1MB), 1)
$msiMb = [math]::Round(((Get-Item $msi).Length / 1MB), 1)
Write-Output "dist.bundle_mb: $bundleMb MB"
Write-Output "dist.msi_mb: $msiMb MB"
Write-Output "dist.cold_start_ms: $startMs ms"

if (-not $Test) { return }

# ---- 6. install, upgrade, downgrade, uninstall on this machine (admin)
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { throw "-Test installs per machine: run as administrator." }

$cnName = -join ([char]0x534F, [char]0x540C, [char]0x529E, [char]0x516C)   # the product's Chinese name
$installDir = Join-Path $env:ProgramFiles "Xietong"
$policyKey = "HKLM:\Software\Xietong"
$shortcut = Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs\$cnName.lnk"
$userData = Join-Path $env:LOCALAPPDATA "Xietong"
$failures = New-Object System.Collections.Generic.List[string]
function Check([bool]$Ok, [string]$What) {
    if ($Ok) { Write-Host "ok   $What" } else { Write-Host "FAIL $What"; $failures.Add($What) }
}
function Get-Value($Item, [string]$Name) {
    if ($null -eq $Item -or -not $Item.PSObject.Properties[$Name]) { return $null }
    return $Item.$Name
}
function Get-ArpEntries {   # callers wrap it in @() so that 0 and 1 entries are arrays too
    Get-ItemProperty "HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\*" -ErrorAction SilentlyContinue |
        Where-Object { "$(Get-Value $_ 'DisplayName')" -like "*$cnName*" }
}
function Get-ArpVersion {
    $entries = @(Get-ArpEntries)
    if ($entries.Count -ne 1) { return "($($entries.Count) entries)" }
    return Get-Value $entries[0] "DisplayVersion"
}
function Get-Policy([string]$Name) {
    Get-Value (Get-ItemProperty $policyKey -ErrorAction SilentlyContinue) $Name
}
function Test-Smoke([string]$Program) {
    try { Invoke-Smoke $Program | Out-Null; return $true } catch { Write-Host $_; return $false }
}

$code = Invoke-Msiexec @("/i", "`"$msi`"", "/qn", "/norestart", "/l*v", "`"$work\install.log`"",
    "SERVER_URL=https://oa.test.invalid", "PKCS11_MODULE=C:\UKey\ukey-pkcs11.dll", "TRUST_ANCHORS=C:\Xietong\anchors.pem")
Check ($code -eq 0) "silent install exits 0 (got $code)"
Check (Test-Path (Join-Path $installDir "xietong.exe")) "program under Program Files\Xietong"
Check ((Get-Policy "SERVER_URL") -eq "https://oa.test.invalid") "SERVER_URL in HKLM\Software\Xietong"
Check ((Get-Policy "PKCS11_MODULE") -eq "C:\UKey\ukey-pkcs11.dll") "PKCS11_MODULE in HKLM\Software\Xietong"
Check ((Get-Policy "TRUST_ANCHORS") -eq "C:\Xietong\anchors.pem") "TRUST_ANCHORS in HKLM\Software\Xietong"
Check (Test-Path $shortcut) "Start-menu shortcut for all users"
$arp = @(Get-ArpEntries)
Check ($arp.Count -eq 1) "one Add/Remove Programs entry"
if ($arp.Count -eq 1) {
    Check ((Get-Value $arp[0] "DisplayVersion") -eq $msiVersion) "ARP version $msiVersion"
    Check ([bool](Get-Value $arp[0] "Publisher")) "ARP publisher"
    Check ([bool](Get-Value $arp[0] "DisplayIcon")) "ARP icon"
}
Check (Test-Smoke (Join-Path $installDir "xietong.exe")) "installed program passes --smoke"

# A newer version without the properties on its command line keeps them.
New-Item -ItemType Directory -Force $userData | Out-Null
Set-Content -Path (Join-Path $userData "keep-me.txt") -Value "user data"
$parts = $msiVersion.Split(".")
$nextVersion = "$($parts[0]).$($parts[1]).$([int]$parts[2] + 1)"
$nextMsi = Join-Path $work "xietong-$nextVersion-x64-test.msi"
Build-Msi $nextVersion $nextMsi
$code = Invoke-Msiexec @("/i", "`"$nextMsi`"", "/qn", "/norestart", "/l*v", "`"$work\upgrade.log`"")
Check ($code -eq 0) "major upgrade exits 0 (got $code)"
Check ((Get-Policy "SERVER_URL") -eq "https://oa.test.invalid") "SERVER_URL kept on upgrade"
Check ((Get-Policy "PKCS11_MODULE") -eq "C:\UKey\ukey-pkcs11.dll") "PKCS11_MODULE kept on upgrade"
Check ((Get-Policy "TRUST_ANCHORS") -eq "C:\Xietong\anchors.pem") "TRUST_ANCHORS kept on upgrade"
Check ((Get-ArpVersion) -eq $nextVersion) "still one ARP entry, now $nextVersion"

# The older package is refused over the newer one.
$code = Invoke-Msiexec @("/i", "`"$msi`"", "/qn", "/norestart", "/l*v", "`"$work\downgrade.log`"")
Check ($code -ne 0 -and $code -ne 3010) "downgrade refused (exit $code)"
Check ((Get-ArpVersion) -eq $nextVersion) "the newer version stays installed"

# Silent uninstall removes the program and the machine policy, and leaves users' data alone.
$code = Invoke-Msiexec @("/x", "`"$nextMsi`"", "/qn", "/norestart", "/l*v", "`"$work\uninstall.log`"")
Check ($code -eq 0) "silent uninstall exits 0 (got $code)"
Check (-not (Test-Path $installDir)) "Program Files\Xietong removed"
Check ($null -eq (Get-Policy "SERVER_URL")) "machine policy values removed"
Check (-not (Test-Path $shortcut)) "shortcut removed"
Check (@(Get-ArpEntries).Count -eq 0) "no ARP entry left"
Check (Test-Path (Join-Path $userData "keep-me.txt")) "users' data untouched"
Remove-Item -Force (Join-Path $userData "keep-me.txt")

if ($failures.Count -gt 0) { throw "$($failures.Count) Windows check(s) failed: $($failures -join '; ')" }
Write-Host "All Windows checks passed."
