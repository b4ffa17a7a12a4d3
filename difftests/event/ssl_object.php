<?php
// EventSslContext as an object: local_cert/local_pk through var_dump,
// print_r, var_export, json_encode, (array), get_object_vars, foreach,
// isset/empty/unset/property_exists, references, dynamic properties and ==
// (which compares the property slots that get_properties fills).
// The paths need not exist: they are only stored.
function t($f) { try { var_dump($f()); } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; } }
$S = EventSslContext::TLS_SERVER_METHOD;
$d = new EventSslContext($S, [EventSslContext::OPT_LOCAL_CERT => 'nope-cert.pem', EventSslContext::OPT_LOCAL_PK => 'nope-key.pem']);
$e = new EventSslContext($S, []);
$f = new EventSslContext($S, [EventSslContext::OPT_LOCAL_CERT => 'nope-cert.pem', EventSslContext::OPT_LOCAL_PK => 'nope-key.pem']);
var_dump($d == $e, $d == $f);
var_dump($d); print_r($d); echo "\n";
var_dump($d == $e);
var_dump($d->local_cert, $d->local_pk, $e->local_cert, $e->local_pk);
var_dump(isset($d->local_cert), isset($e->local_cert), empty($d->local_pk), empty($e->local_pk));
var_dump(property_exists($d, 'local_cert'), property_exists($e, 'local_pk'), property_exists($e, 'nope'));
var_dump(isset($d->nope), $d?->local_cert);
$z = new EventSslContext($S, [EventSslContext::OPT_LOCAL_CERT => '0', EventSslContext::OPT_LOCAL_PK => '']);
var_dump(isset($z->local_cert), empty($z->local_cert), isset($z->local_pk), empty($z->local_pk), $z->local_cert ?? 'default');
var_dump($z);
var_export($d); echo "\n";
echo json_encode($d), "\n";
var_dump((array)$d, get_object_vars($e));
foreach ($d as $k => $v) var_dump($k, $v);
var_dump($d == $e, $d == $f, $f == $e);
unset($d->local_cert, $d->local_pk);
var_dump($d->local_cert, $d->local_pk);
$r = &$f->local_pk; var_dump($r); $r = 'changed'; var_dump($f->local_pk, $f);
$d->dyn = 5;
var_dump($d, (array)$d, isset($d->dyn));
unset($d->dyn); var_dump(isset($d->dyn));
t(fn() => $e->nope);
t(fn() => $e->local_cert[0] ?? 'none');
t(fn() => $d->local_cert[0]);
t(fn() => $d->local_cert .= '');
t(fn() => $d->local_pk);
$arr = [$d, $e];
var_dump(count($arr), $arr[0] === $d);
var_dump(array_map(fn($x) => $x->local_cert, [$d, $e, $f, $z]));
echo "done\n";
