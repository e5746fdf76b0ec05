/// The direction of optimisation of a ``LinearProgram``'s objective.
public enum ObjectiveSense: String, Sendable, Hashable, CaseIterable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize
}
