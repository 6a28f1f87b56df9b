namespace PosLoyalty.Panel.State;

public enum FieldKind
{
    Text,

    /// <summary>Typed like text, drawn hidden (the manager PIN).</summary>
    Secret,

    /// <summary>A yes/no box.</summary>
    Toggle,
}
