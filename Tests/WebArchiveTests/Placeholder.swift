import XCTest

// Placeholder; replaced by real tests.
final class WebArchiveTestsPlaceholder: XCTestCase {}
