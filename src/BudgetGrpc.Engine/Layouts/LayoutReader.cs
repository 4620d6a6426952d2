using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>Recognises the layout of the tables in a container and maps them to a disclosure.</summary>
public static class LayoutReader
{
    public static Disclosure Read(ContainerContent container, string fileName, string sha256) =>
        throw new DisclosureException(new DisclosureError(DisclosureErrorCode.UnrecognisedLayout, "no layout yet", fileName));
}
