<?php
// Reflection of the whole extension (minus the "Extension [ ... #N ... ]" line),
// plus per-function details --re does not print.
$s = (string) new ReflectionExtension('posix');
echo substr($s, strpos($s, "\n") + 1);
foreach ((new ReflectionExtension('posix'))->getFunctions() as $f) {
    echo $f->getName(), ' ', $f->getNumberOfParameters(), '/', $f->getNumberOfRequiredParameters(),
        ' ret=', $f->getReturnType(), ' tentative=', var_export($f->hasTentativeReturnType(), true),
        ' deprecated=', var_export($f->isDeprecated(), true), ' variadic=', var_export($f->isVariadic(), true), "\n";
    foreach ($f->getParameters() as $p) {
        echo '  $', $p->getName(), ' type=', var_export((string) $p->getType(), true),
            ' allowsNull=', var_export($p->allowsNull(), true), ' ref=', var_export($p->isPassedByReference(), true),
            ' opt=', var_export($p->isOptional(), true),
            $p->isDefaultValueAvailable() ? ' default=' . var_export($p->getDefaultValue(), true) : '', "\n";
    }
}
var_dump(extension_loaded('posix'), phpversion('posix') === PHP_VERSION);
foreach (get_defined_constants(true)['posix'] as $k => $v) echo "$k=$v\n";
