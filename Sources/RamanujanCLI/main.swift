import Ramanujan
let pcf = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
for d in [10, 100, 2000] {
  let l = pcf.limit(depth: d)
  print(d, l.digits, l.rate ?? -1, l.certifiedText(maxPlaces: 60), l.status)
  let ref = BigFloat(6, precision: .digits(9000)) / BigFloat.zeta(3, .digits(9000))
  print("delta", (try? l.delta(reference: ref)) as Any, l.reduction())
}
let ln2 = try PCF(a: "1", b: "n^2")
for d in [200, 2000] { let l = ln2.limit(depth: d); print(d, l.digits, l.rate ?? -1, l.certifiedText(), l.status) }
let w = pcf.matrix.walk(start: 1, depth: 300)
print(w == pcf.matrix.walkNaive(start: 1, depth: 300))
