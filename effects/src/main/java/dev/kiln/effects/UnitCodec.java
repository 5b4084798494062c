package dev.kiln.effects;

/** The codec of {@link Unit}: no bytes at all. */
enum UnitCodec implements Codec<Unit> {
    INSTANCE;

    @Override
    public Bytes encode(Unit value) {
        return Bytes.of(new byte[0]);
    }

    @Override
    public Unit decode(Bytes bytes) {
        return Unit.UNIT;
    }
}
