--TEST--
ipc: with Debian's default php.ini (native sysvmsg already loaded) PHP starts without a warning and the group is deferred
--SKIPIF--
<?php
$out = shell_exec(escapeshellarg(PHP_BINARY) . ' -r "echo extension_loaded(\'sysvmsg\') ? \'y\' : \'n\';" 2>/dev/null');
if ($out !== 'y') die("skip the default configuration does not load native sysvmsg");
?>
--FILE--
<?php
// Our .so path comes from the runner's own -d extension=... option.
preg_match('/extension=(\S*libphp_ipc\.so)/', getenv('TEST_PHP_EXTRA_ARGS'), $m) || die("no .so path\n");
$so = $m[1];
foreach (['-d extension=' . escapeshellarg($so), '-n -d extension=sysvmsg -d extension=' . escapeshellarg($so),
          '-n -d extension=' . escapeshellarg($so) . ' -d extension=sysvmsg'] as $opts) {
    $cmd = escapeshellarg(PHP_BINARY) . " $opts -r " . escapeshellarg(
        'echo (new ReflectionFunction("msg_send"))->getExtension()->getName() === "sysvmsg" ? "fn ok" : "fn ?", " ";'
        . 'echo count((new ReflectionExtension("sysvmsg"))->getConstants()), " constants ";'
        . 'ob_start(); phpinfo(INFO_MODULES); $i = ob_get_clean(); echo preg_match("/group sysvmsg => deferred/", $i) ? "deferred" : "ACTIVE";');
    $out = shell_exec("$cmd 2>&1");
    echo $out, "\n";
}
// With -n alone, ours is active.
echo shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg($so) . ' -r '
    . escapeshellarg('ob_start(); phpinfo(INFO_MODULES); $i = ob_get_clean(); echo preg_match("/group sysvmsg => active/", $i) ? "active" : "NOT ACTIVE";') . ' 2>&1'), "\n";
?>
--EXPECT--
fn ok 5 constants deferred
fn ok 5 constants deferred
fn ok 5 constants deferred
active
