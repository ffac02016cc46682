// Signs the benchmark's requests (scripts/bench/sigv4_requests.py) for ~2 s
// and prints `swift <signatures/s> <sha256 of the 1,000 signatures>`, the same
// line sigv4_botocore.py prints, so scripts/bench/sigv4.sh can compare both.
import AWSCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: SigV4Bench requests.json [seconds]")
    exit(2)
}
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 2 : 2
let document = try BenchDocument.load(path: arguments[1])
let signer = SigV4Signer(
    credentials: AWSCredentials(accessKeyID: document.accessKeyID, secretAccessKey: document.secretAccessKey),
    region: document.region,
    service: document.service
)
let date = Date(timeIntervalSince1970: TimeInterval(document.timestamp))
let requests = try document.httpRequests()

var signatures: [UInt8] = []
for request in requests {
    var signed = request
    signer.sign(&signed, date: date)
    let authorization = signed.headers["Authorization"] ?? ""
    signatures.append(contentsOf: authorization.utf8.suffix(64))
}

let clock = ContinuousClock()
let start = clock.now
let budget = Duration.milliseconds(Int64(seconds * 1000))
var count = 0
var checksum = 0
while clock.now - start < budget {
    for request in requests {
        var signed = request
        signer.sign(&signed, date: date)
        checksum &+= signed.headers.fields.count
    }
    count += requests.count
}
let elapsed = clock.now - start
let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("swift \(Int(Double(count) / elapsedSeconds)) \(BenchDocument.sha256Hex(signatures)) (checksum \(checksum % 10))")
