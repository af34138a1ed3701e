/// SHA-1 (FIPS 180-4), used for content digests and stable row ids — not for security.
public struct SHA1: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0
    )
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() { buffer.reserveCapacity(64) }

    /// Feeds more bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var index = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes[0..<take])
            index = take
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compress($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        while index + 64 <= bytes.count {
            compress(UnsafeRawBufferPointer(rebasing: bytes[index..<index + 64]))
            index += 64
        }
        if index < bytes.count { buffer.append(contentsOf: bytes[index...]) }
    }

    /// Feeds the UTF-8 bytes of `string`.
    public mutating func update(_ string: String) {
        var s = string
        s.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The 20-byte digest as 40 lower-case hex digits.
    public func hexDigest() -> String {
        var copy = self
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padding = (55 - Int(length % 64) + 64) % 64
        tail.append(contentsOf: repeatElement(0, count: padding))
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        let savedLength = copy.length
        tail.withUnsafeBytes { copy.update($0) }
        copy.length = savedLength
        let words = [copy.state.0, copy.state.1, copy.state.2, copy.state.3, copy.state.4]
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Digest of `string`'s UTF-8 bytes as hex.
    public static func hex(_ string: String) -> String {
        var h = SHA1()
        h.update(string)
        return h.hexDigest()
    }

    /// Digest of `bytes` as hex.
    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var h = SHA1()
        h.update(bytes)
        return h.hexDigest()
    }

    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        let h = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for i in 0..<16 {
                w[i] =
                    UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8
                    | UInt32(block[4 * i + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = (x << 1) | (x >> 31)
            }
            var (a, b, c, d, e) = state
            for i in 0..<20 { (a, b, c, d, e) = Self.round(a, b, c, d, e, (b & c) | (~b & d), 0x5A82_7999, w[i]) }
            for i in 20..<40 { (a, b, c, d, e) = Self.round(a, b, c, d, e, b ^ c ^ d, 0x6ED9_EBA1, w[i]) }
            for i in 40..<60 {
                (a, b, c, d, e) = Self.round(a, b, c, d, e, (b & c) | (b & d) | (c & d), 0x8F1B_BCDC, w[i])
            }
            for i in 60..<80 { (a, b, c, d, e) = Self.round(a, b, c, d, e, b ^ c ^ d, 0xCA62_C1D6, w[i]) }
            return (a, b, c, d, e)
        }
        state = (state.0 &+ h.0, state.1 &+ h.1, state.2 &+ h.2, state.3 &+ h.3, state.4 &+ h.4)
    }

    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ e: UInt32, _ f: UInt32, _ k: UInt32, _ w: UInt32
    ) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        let t = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w
        return (t, a, (b << 30) | (b >> 2), c, d)
    }
}
