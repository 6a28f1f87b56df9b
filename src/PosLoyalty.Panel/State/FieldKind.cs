namespace PosLoyalty.Panel.State;

public enum FieldKind
{
    Text,

    /// <summary>Typed like text, drawn as dots (the manager PIN).</summary>
    Secret,

    /// <summary>A yes/no box, flipped with Space or its own letter.</summary>
    Toggle,
}
