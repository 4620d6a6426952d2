namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// The seeded choices of one variant. Every choice is recorded under its axis name, so a variant can be reported
/// per axis value and reproduced from its seed alone.
/// </summary>
internal sealed class VariantAxes(int seed, IReadOnlyDictionary<string, string>? overrides = null)
{
    private readonly IReadOnlyDictionary<string, string> _overrides = overrides ?? new Dictionary<string, string>();
    private readonly Random _random = new(seed);
    private readonly List<KeyValuePair<string, string>> _chosen = [];

    public int Seed { get; } = seed;
    public IReadOnlyList<KeyValuePair<string, string>> Chosen => _chosen;

    /// <summary>Randomness that is not an axis (which extra word in a cell); still seeded.</summary>
    public Random Random => _random;

    /// <summary>Draws one value; an override (the axis sweep) wins where it names one of the values.</summary>
    public string Pick(string axis, params string[] values)
    {
        var drawn = values[_random.Next(values.Length)];
        return Record(axis, _overrides.TryGetValue(axis, out var o) && values.Contains(o) ? o : drawn);
    }

    public T Pick<T>(string axis, IReadOnlyList<T> values, Func<T, string> label)
    {
        var value = values[_random.Next(values.Count)];
        if (_overrides.TryGetValue(axis, out var o) && values.FirstOrDefault(v => label(v) == o) is { } chosen) value = chosen;
        Record(axis, label(value));
        return value;
    }

    public bool Flag(string axis, double probability)
    {
        var drawn = _random.NextDouble() < probability ? "on" : "off";
        return Record(axis, _overrides.TryGetValue(axis, out var o) && o is "on" or "off" ? o : drawn) == "on";
    }

    /// <summary>Records a value the generator decided without a draw (a consequence of other choices).</summary>
    public string Record(string axis, string value)
    {
        var index = _chosen.FindIndex(kv => kv.Key == axis);
        if (index >= 0) _chosen[index] = new(axis, value);
        else _chosen.Add(new(axis, value));
        return value;
    }

    public string? Get(string axis) => _chosen.FirstOrDefault(kv => kv.Key == axis).Value;

    public override string ToString() => string.Join("; ", _chosen.Select(kv => $"{kv.Key}={kv.Value}"));
}
