<?php
// EventListener's methods and object handlers: argument checks, results,
// the `fd` property (read-only, NULL once freed), var_dump/print_r/
// var_export/json/foreach/get_object_vars/==, serialize/clone, getBase()'s
// internal base, getSocketName()'s return value, every method after free()
// and on a listener whose base was freed. getSocketName() fills its
// variables on ours only (docs/event.md), so only its result is printed here.
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
function fdrel($l) { return $l->fd === null ? "NULL" : (is_int($l->fd) && $l->fd > 2 ? "int" : "?"); }
$b = new EventBase;
$cb = function () {};
$CF = EventListener::OPT_CLOSE_ON_FREE;
$l = new EventListener($b, $cb, "arg", $CF, -1, "127.0.0.1:0");

echo "--- argument checks\n";
t(fn() => $l->enable(1));
t(fn() => $l->disable(null));
t(fn() => $l->free(1));
t(fn() => $l->getBase(1));
t(fn() => $l->setCallback());
t(fn() => $l->setCallback($cb, 1, 2));
t(fn() => $l->setCallback(null));
t(fn() => $l->setCallback("no_such_function"));
t(fn() => $l->setCallback([new stdClass, "m"]));
t(fn() => $l->setCallback(1));
t(fn() => $l->setErrorCallback());
t(fn() => $l->setErrorCallback(null));
t(fn() => $l->setErrorCallback("no_such_function"));
t(fn() => $l->setErrorCallback($cb, 2));
t(fn() => $l->getSocketName());
t(fn() => $l->getSocketName($a));
t(fn() => $l->getSocketName($a, $p));
t(fn() => $l->getSocketName($a, $p, 3));
t(fn() => $l->__sleep());
t(fn() => $l->__wakeup());
t(fn() => $l->setCallback($cb));
t(fn() => $l->setCallback('strlen', null));
t(fn() => $l->setErrorCallback('strlen'));

echo "--- results\n";
t(fn() => $l->enable());
t(fn() => $l->enable());
t(fn() => $l->disable());
t(fn() => $l->disable());
t(fn() => $l->enable());

echo "--- getBase\n";
$g = $l->getBase();
var_dump($g, $g === $b, $g == $b, $g instanceof EventBase, $g->getMethod() === $b->getMethod());
var_dump($l->getBase() === $l->getBase());
var_dump($g->exit(), $b->loop(EventBase::LOOP_NONBLOCK), $b->gotExit());
unset($g);
// Destroying getBase()'s object leaves the base alone.
var_dump($b->getMethod(), $b->loop(EventBase::LOOP_NONBLOCK));
t(fn() => serialize($l->getBase()));

echo "--- the fd property\n";
echo fdrel($l), "\n";
var_dump(isset($l->fd), empty($l->fd), property_exists($l, "fd"), isset($l->nope));
$ref = new ReflectionObject($l);
echo count($ref->getProperties()), " ", $ref->getProperty("fd")->isPublic() ? "public" : "?", "\n";
unset($l->fd);
echo "after unset: ", fdrel($l), "\n";
$x = &$l->fd;
$x = 99;
echo "after reference write: ", fdrel($l), "\n";
unset($x);
$l->fd .= "x";
echo "after .=: ", fdrel($l), "\n";
$l->dyn = 5;
var_dump($l->dyn, isset($l->dyn));
$vars = get_object_vars($l);
echo implode(",", array_keys($vars)), " ", is_int($vars["fd"]) ? "int" : gettype($vars["fd"]), "\n";
$arr = (array) $l;
echo implode(",", array_keys($arr)), "\n";
foreach ($l as $k => $v) echo "$k => ", is_int($v) ? "int" : json_encode($v), "\n";
echo preg_replace('/\d+/', 'N', json_encode($l)), "\n";
echo preg_replace('/\d+/', 'N', print_r($l, true));
echo preg_replace('/\d+/', 'N', var_export($l, true)), "\n";
ob_start(); var_dump($l); echo preg_replace('/\d+/', 'N', ob_get_clean());
$l2 = new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:0");
$l3 = new EventListener($b, $cb, null, $CF, -1, "127.0.0.1:0");
var_dump($l2 == $l3, $l2 == $l, $l2 != $l3);
t(fn() => $l2 < $l3);
t(fn() => clone $l2);
t(fn() => serialize($l2));
t(fn() => unserialize('O:13:"EventListener":0:{}'));
t(fn() => (string) $l2);
t(fn() => $l2 + 1);
echo "--- writing fd is PECL's fatal error (in a shutdown function)\n";
register_shutdown_function(function () use ($l3) { echo "writing\n"; $l3->fd = 1; });

echo "--- after free()\n";
$l->free();
var_dump($l->fd, isset($l->fd), empty($l->fd));
var_dump($l);
echo implode(",", array_keys(get_object_vars($l))), " ", json_encode(get_object_vars($l)["fd"]), "\n";
t(fn() => $l->enable());
t(fn() => $l->disable());
t(fn() => $l->setCallback($cb));
t(fn() => $l->setCallback(null));
t(fn() => $l->setErrorCallback($cb));
t(fn() => $l->getBase());
t(fn() => $l->getSocketName($a, $p));
t(fn() => $l->free());
t(fn() => $l->free());
t(fn() => serialize($l));

echo "--- base freed under a listener\n";
$b2 = new EventBase;
$l4 = new EventListener($b2, $cb, null, $CF, -1, "127.0.0.1:0");
$b2->free();
echo fdrel($l4), "\n";
t(fn() => $l4->disable());
t(fn() => $l4->disable());
t(fn() => $l4->setCallback($cb, 1));
t(fn() => $l4->setErrorCallback($cb));
t(fn() => $l4->getSocketName($a, $p));
t(fn() => $l4->free());
echo fdrel($l4), "\n";

echo "--- listener made on a freed base\n";
$l5 = new EventListener($b2, $cb, null, $CF, -1, "127.0.0.1:0");
echo fdrel($l5), "\n";
t(fn() => $l5->disable());
t(fn() => $l5->enable());
t(fn() => $l5->setCallback($cb, 1));
t(fn() => $l5->getSocketName($a, $p));
t(fn() => get_class($l5->getBase()));
t(fn() => $l5->free());
t(fn() => $l5->free());
$l6 = new EventListener($b2, $cb, null, $CF | EventListener::OPT_DISABLED, -1, "127.0.0.1:0");
echo "l6 made\n";
unset($l6);
$l7 = new EventListener($b2, $cb, null, $CF, -1, "127.0.0.1:0");
echo "l7 left for shutdown\n";
echo "end\n";
