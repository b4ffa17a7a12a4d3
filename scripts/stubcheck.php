<?php
// Checks stubs/<ext>.stub.php against the Reflection of the loaded extension:
// the stub is included in a PHP process without extensions and both sides are
// described the same way (functions, parameters, defaults, return types,
// classes, methods, constants). Prints "stubcheck: N passed, N failed".
//   php scripts/stubcheck.php <path-to-libphp_ipc.so> [ext...]
$so = $argv[1];
$only = array_slice($argv, 2);
if ($argc >= 4 && $argv[2] === '--describe') {
    // Child mode: describe the names declared by a stub file.
    [$_, $_, $_, $mode, $stub] = $argv;
    $src = for_this_version(file_get_contents($stub));
    $names = declared($src);
    if ($mode === 'stub') {
        $tmp = tempnam(sys_get_temp_dir(), 'stub');
        file_put_contents($tmp, $src);
        require $tmp;
        unlink($tmp);
    }
    foreach ($names['const'] as $c) echo "const $c = ", var_export(constant($c), true), "\n";
    foreach ($names['function'] as $f) echo "function ", fn_sig(new ReflectionFunction($f)), "\n";
    foreach ($names['class'] as $c) {
        $rc = new ReflectionClass($c);
        echo "class ", implode(' ', Reflection::getModifierNames($rc->getModifiers())), " $c",
            $rc->getParentClass() ? ' extends ' . $rc->getParentClass()->getName() : '', "\n";
        foreach ($rc->getReflectionConstants() as $k) {
            // The OpenSSL version (EventSslContext) is the system's libssl: its type is checked, not its value.
            $v = str_starts_with($k->getName(), 'OPENSSL_VERSION_') ? gettype($k->getValue()) : var_export($k->getValue(), true);
            echo "  const {$k->getName()} = $v\n";
        }
        $props = $rc->getProperties();
        usort($props, fn($a, $b) => strcmp($a->getName(), $b->getName()));
        foreach ($props as $p) echo "  prop ", implode(' ', Reflection::getModifierNames($p->getModifiers())), " {$p->getType()} \${$p->getName()}\n";
        $methods = $rc->getMethods();
        usort($methods, fn($a, $b) => strcmp($a->getName(), $b->getName()));
        foreach ($methods as $m) if ($m->getDeclaringClass()->getName() === $c) echo "  method ", implode(' ', Reflection::getModifierNames($m->getModifiers())), ' ', fn_sig($m), "\n";
    }
    exit(0);
}

// A stub states every supported PHP version: a declaration whose docblock
// says `@since X.Y` exists from PHP X.Y on, one that says `@removed X.Y`
// only before it. The declarations of other versions are cut out (the
// docblock and the rest of the line after it, or the next line).
function for_this_version(string $src): string {
    return preg_replace_callback('~/\*\*(?:(?!\*/).)*?@(since|removed)\s+(\d+\.\d+)(?:(?!\*/).)*\*/[ \t]*\n?[^\n]*\n~s',
        function ($m) {
            $at = version_compare(PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION, $m[2], '>=');
            return ($m[1] === 'since') === $at ? $m[0] : '';
        }, $src);
}

function declared(string $src): array {
    // Top-level declarations only: stubs keep them at column 0.
    preg_match_all('/^const (\w+)/m', $src, $c);
    preg_match_all('/^function (\w+)/m', $src, $f);
    // A stub with one `namespace X;` (stubs/ipc.stub.php) declares X\names.
    if (preg_match('/^namespace (\w+);/m', $src, $ns)) $f[1] = array_map(fn($n) => "$ns[1]\\$n", $f[1]);
    preg_match_all('/^(?:(?:final|abstract) )*(?:class|interface) (\w+)/m', $src, $k);
    return ['const' => $c[1], 'function' => $f[1], 'class' => $k[1]];
}
function param_sig(ReflectionParameter $p): string {
    // Userland (the stub) cannot spell two things internal arginfo can, so
    // both sides are normalised: a null default makes a type nullable
    // (`int $x = null` is `?int`), and an int default of a float parameter
    // is a float (`float $t = -1` is -1.0).
    $type = $p->hasType() ? (string) $p->getType() : '';
    $default = null;
    $hasDefault = $p->isOptional() && !$p->isVariadic() && $p->isDefaultValueAvailable();
    if ($hasDefault) {
        $default = $p->isDefaultValueConstant() ? $p->getDefaultValueConstantName() : $p->getDefaultValue();
        if (!$p->isDefaultValueConstant() && $default === null && $type !== '' && !$p->getType()->allowsNull()) {
            $type = str_contains($type, '|') ? "$type|null" : "?$type";
        }
        if (!$p->isDefaultValueConstant() && is_int($default) && $type === 'float') $default = (float) $default;
        $default = $p->isDefaultValueConstant() ? $default : var_export($default, true);
    }
    $s = ($type !== '' ? "$type " : '') . ($p->isPassedByReference() ? '&' : '') . ($p->isVariadic() ? '...' : '') . '$' . $p->getName();
    return $hasDefault ? "$s = $default" : $s;
}
function fn_sig(ReflectionFunctionAbstract $f): string {
    return $f->getName() . '(' . implode(', ', array_map('param_sig', $f->getParameters())) . ')'
        . ($f->hasReturnType() ? ': ' . $f->getReturnType() : '') . ($f->hasTentativeReturnType() ? ': ' . $f->getTentativeReturnType() : '');
}

$php = escapeshellarg(PHP_BINARY);
$pass = $fail = 0;
foreach (glob(__DIR__ . '/../stubs/*.stub.php') as $stub) {
    $ext = basename($stub, '.stub.php');
    if ($only && !in_array($ext, $only, true)) continue;
    $self = escapeshellarg(__FILE__);
    $a = shell_exec("$php -n $self x --describe stub " . escapeshellarg($stub) . ' 2>&1');
    $b = shell_exec("$php -n -d extension=" . escapeshellarg($so) . " $self x --describe ext " . escapeshellarg($stub) . ' 2>&1');
    $broken = $a === '' || $a === null || str_contains($a . $b, 'Fatal error') || str_contains($a . $b, 'Warning');
    if ($a === $b && !$broken) { $pass++; echo "PASS $ext\n"; continue; }
    $fail++;
    echo "FAIL $ext\n";
    $fa = tempnam(sys_get_temp_dir(), 'stub'); $fb = tempnam(sys_get_temp_dir(), 'ext');
    file_put_contents($fa, $a); file_put_contents($fb, $b);
    echo shell_exec("diff -u " . escapeshellarg($fa) . ' ' . escapeshellarg($fb) . " | head -30");
    unlink($fa); unlink($fb);
}
echo "stubcheck: $pass passed, $fail failed\n";
exit($fail ? 1 : 0);
