--TEST--
One segment shared by a native-PHP process and a php-ipc process, both directions: ints, strings, arrays, objects, removal
--EXTENSIONS--
sysvshm
--FILE--
<?php
require __DIR__ . '/cross.inc.php';
$k = ftok(__FILE__, 'x');
$common = '
class Pt { public $x; public $tags = []; private $secret = "s"; function __construct($x = 0) { $this->x = $x; } }
class Ser { public $v = 0; function __serialize(): array { return ["v" => $this->v]; } function __unserialize(array $d): void { $this->v = $d["v"] + 1; } }
$s = shm_attach((int)$argv[1], 100000);
';
$write = $common . '
$p = new Pt(42); $p->tags = ["a", "b"];
$q = new Ser; $q->v = 10;
$vals = [1 => 123, 2 => -9223372036854775807 - 1, 3 => "plain", 4 => str_repeat("\xff\0", 600), 5 => 1.25, 6 => true, 7 => null,
         8 => [1, "k" => [2, 3], "n" => null], 9 => $p, 10 => $q, 11 => "to be removed", 12 => range(1, 100)];
foreach ($vals as $i => $v) shm_put_var($s, $i, $v);
shm_put_var($s, 1, 124);                       // overwrite
shm_remove_var($s, 11);                        // removal
echo (extension_loaded("ipc") ? "ours" : "native"), " wrote\n";
';
$read = $common . '
for ($i = 1; $i <= 12; $i++) {
    if (!shm_has_var($s, $i)) { echo "$i: absent\n"; continue; }
    $v = shm_get_var($s, $i);
    echo "$i: ", is_string($v) && strlen($v) > 100 ? md5($v) : str_replace("\n", " ", var_export($v, true)), "\n";
}
echo (extension_loaded("ipc") ? "ours" : "native"), " read\n";
';
try {
    foreach ([['native', 'ours'], ['ours', 'native'], ['native', 'native'], ['ours', 'ours']] as [$w, $r]) {
        $s = shm_attach($k, 100000);
        shm_remove($s); shm_detach($s);       // a fresh segment each round
        echo run_in($w, $write, [$k]);
        $out[$w . '>' . $r] = run_in($r, $read, [$k]);
    }
    // What each side reads must be what native reads from native.
    foreach ($out as $pair => $o) {
        echo $pair, ": ", strtr($o, ['ours read' => 'read', 'native read' => 'read']) === strtr($out['native>native'], ['native read' => 'read']) ? "same" : "DIFFERENT\n$o", "\n";
    }
    echo $out['native>ours'];
} finally {
    if ($s = @shm_attach($k, 1)) shm_remove($s);
}
?>
--EXPECTF--
native wrote
ours wrote
native wrote
ours wrote
native>ours: same
ours>native: same
native>native: same
ours>ours: same
1: 124
2: -9223372036854775807-1
3: 'plain'
4: %s
5: 1.25
6: true
7: NULL
8: array (   0 => 1,   'k' =>    array (     0 => 2,     1 => 3,   ),   'n' => NULL, )
9: \Pt::__set_state(array(    'x' => 42,    'tags' =>    array (     0 => 'a',     1 => 'b',   ),    'secret' => 's', ))
10: \Ser::__set_state(array(    'v' => 11, ))
11: absent
12: array (%s)
ours read
