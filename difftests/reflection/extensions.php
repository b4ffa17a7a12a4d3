<?php
// Reflection of every replaced extension, in full detail: functions, parameters
// (names, types, by-ref, optional, defaults), return types, classes, constants.
function fmt_param(ReflectionParameter $p): string {
    $s = ($p->hasType() ? $p->getType() . ' ' : '') . ($p->isPassedByReference() ? '&' : '') . ($p->isVariadic() ? '...' : '') . '$' . $p->getName();
    if ($p->isOptional() && !$p->isVariadic()) {
        $s .= ' = ' . ($p->isDefaultValueAvailable()
            ? ($p->isDefaultValueConstant() ? $p->getDefaultValueConstantName() : var_export($p->getDefaultValue(), true))
            : '?');
    }
    return $s;
}
function fmt_fn(ReflectionFunctionAbstract $f): string {
    $mods = $f instanceof ReflectionMethod ? implode(' ', Reflection::getModifierNames($f->getModifiers())) . ' ' : '';
    return $mods . $f->getName() . '(' . implode(', ', array_map('fmt_param', $f->getParameters())) . ')'
        . ($f->hasReturnType() ? ': ' . $f->getReturnType() : '') . ($f->hasTentativeReturnType() ? ' tentative: ' . $f->getTentativeReturnType() : '')
        . ($f->returnsReference() ? ' &' : '') . ' [req ' . $f->getNumberOfRequiredParameters() . ']' . ($f->isDeprecated() ? ' deprecated' : '');
}
foreach (['sysvmsg', 'sysvsem', 'sysvshm', 'posix', 'sockets', 'shmop'] as $name) {
    $e = new ReflectionExtension($name);
    echo "== $name\n";
    foreach ($e->getConstants() as $k => $v) echo "const $k = ", var_export($v, true), "\n";
    foreach ($e->getINIEntries() as $k => $v) echo "ini $k = ", var_export($v, true), "\n";
    foreach ($e->getFunctions() as $f) echo "function ", fmt_fn($f), "\n";
    foreach ($e->getClasses() as $c) {
        echo "class ", implode(' ', Reflection::getModifierNames($c->getModifiers())), ' ', $c->getName(),
            $c->getParentClass() ? ' extends ' . $c->getParentClass()->getName() : '',
            $c->getInterfaceNames() ? ' implements ' . implode(', ', $c->getInterfaceNames()) : '',
            ' instantiable=', var_export($c->isInstantiable(), true), ' cloneable=', var_export($c->isCloneable(), true),
            ' constructor=', $c->getConstructor() ? $c->getConstructor()->getName() : 'none', "\n";
        foreach ($c->getReflectionConstants() as $k) echo "  const ", implode(' ', Reflection::getModifierNames($k->getModifiers())), ' ', $k->getName(), ' = ', var_export($k->getValue(), true), "\n";
        foreach ($c->getProperties() as $p) echo "  prop ", implode(' ', Reflection::getModifierNames($p->getModifiers())), ' ', $p->getType(), ' $', $p->getName(), "\n";
        foreach ($c->getMethods() as $m) echo "  method ", fmt_fn($m), "\n";
    }
    // The text of `php --re` too (first line names the module number).
    ob_start(); echo new ReflectionExtension($name); $re = ob_get_clean();
    echo preg_replace('/^Extension \[ <\w+> extension #\d+ /', 'Extension [ ', $re), "\n";
}
