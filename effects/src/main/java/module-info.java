/**
 * kiln's effect runtime: the sealed vocabulary of effects page code may perform, {@code perform}
 * itself, and the composition of handlers that interpret effects. It has no third-party
 * dependencies.
 */
module dev.kiln.effects {
    exports dev.kiln.effects;
}
