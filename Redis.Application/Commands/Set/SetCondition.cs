namespace Redis.Application.Commands.Set;

/// <summary>The <c>NX</c> and <c>XX</c> options of <c>SET</c>, which exclude each other.</summary>
public enum SetCondition : byte
{
    None,

    /// <summary>Only set a key that does not exist.</summary>
    Nx,

    /// <summary>Only set a key that already exists.</summary>
    Xx,
}
