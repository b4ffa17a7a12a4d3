<?php
// Runs PHP code in a child process on native PHP's extensions or on ours.
// run-tests passes its -n/-d options (our .so) in TEST_PHP_EXTRA_ARGS.
function php_cmd(string $impl): string {
    if ($impl === 'native') {
        return escapeshellarg(PHP_BINARY) . ' -n -d extension=sysvsem -d extension=sysvshm -d extension=shmop';
    }
    return escapeshellarg(PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS');
}
/** Runs $code (without <?php) under $impl and returns its output. */
function run_in(string $impl, string $code, array $argv = []): string {
    $f = tempnam(sys_get_temp_dir(), 'phpipc');
    file_put_contents($f, "<?php\n" . $code);
    $cmd = php_cmd($impl) . ' ' . escapeshellarg($f);
    foreach ($argv as $a) $cmd .= ' ' . escapeshellarg((string)$a);
    $out = shell_exec("$cmd 2>&1");
    unlink($f);
    return (string)$out;
}
/** Starts $code under $impl without waiting; returns the proc handle. */
function start_in(string $impl, string $code, array $argv = []) {
    $f = tempnam(sys_get_temp_dir(), 'phpipc');
    file_put_contents($f, "<?php\n" . $code);
    $cmd = php_cmd($impl) . ' ' . escapeshellarg($f);
    foreach ($argv as $a) $cmd .= ' ' . escapeshellarg((string)$a);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    return [$p, $pipes[1], $f];
}
function finish($h): string {
    [$p, $out, $f] = $h;
    $s = stream_get_contents($out);
    fclose($out);
    proc_close($p);
    unlink($f);
    return $s;
}
