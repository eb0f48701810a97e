using Praxi.FixEngine.Analysis;

namespace Praxi.FixEngine.Rewriting.JavaScript;

internal sealed partial class JavaScriptRewriter
{
    private static RewriteResult Timeouts(JsResolver resolver, JsDocument doc, FixInstruction instruction) => RewriteResult.NotFound("todo");

    private static RewriteResult HardWait(JsResolver resolver, JsDocument doc, FixInstruction instruction) => RewriteResult.NotFound("todo");
}
