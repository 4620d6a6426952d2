using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>Picks the reader for a file by its content and name and reads every table out of it.</summary>
public static class ContainerReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, string fileName, EngineLimits limits) =>
        throw new DisclosureException(new DisclosureError(DisclosureErrorCode.UnsupportedFormat, "no reader yet", fileName));
}
