--TEST--
sockets: Reflection identical to native ext/sockets (functions, parameters, defaults, return types, classes, 231 constants)
--EXTENSIONS--
sockets
--SKIPIF--
<?php if (PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION !== '8.4') die("skip PHP 8.4's Reflection; reflection.phpt checks 8.2's"); ?>
--FILE--
<?php
// native_reflection_84.txt: `php -n -d extension=sockets --re sockets` of PHP 8.4.27 (Debian 13) on Linux x86_64, first line removed.
$args = getenv('TEST_PHP_EXTRA_ARGS');
$ours = shell_exec(escapeshellarg(PHP_BINARY) . " $args --re sockets");
$ours = substr($ours, strpos($ours, "\n") + 1);
$native = file_get_contents(__DIR__ . '/native_reflection_84.txt');
if ($ours === $native) { echo "identical\n"; } else {
    file_put_contents(sys_get_temp_dir() . '/ours_re.txt', $ours);
    echo "differs\n";
}
$e = new ReflectionExtension('sockets');
echo count($e->getFunctions()), " functions, ", count($e->getConstants()), " constants, ", implode(",", $e->getClassNames()), "\n";
?>
--EXPECT--
identical
37 functions, 231 constants, Socket,AddressInfo
