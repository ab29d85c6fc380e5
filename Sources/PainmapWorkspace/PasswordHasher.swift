#if Workspace
    import HummingbirdBcrypt

    /// bcrypt for workspace passwords (HummingbirdBcrypt).
    ///
    /// Cost 11: about 0.1–0.2 s per hash on a server core, paid at login and `painmap users passwd` only.
    public enum PasswordHasher {
        /// The bcrypt cost factor of new hashes.
        public static let cost: UInt8 = 11

        /// A new salted hash of `password`.
        public static func hash(_ password: String) -> String {
            Bcrypt.hash(password, cost: cost)
        }

        /// Whether `password` matches `hash`.
        public static func verify(_ password: String, hash: String) -> Bool {
            Bcrypt.verify(password, hash: hash)
        }
    }
#endif
