import XCTest

// Placeholder; replaced by real tests.
final class ExportsTestsPlaceholder: XCTestCase {}
