// tool-echo: a tool for every tier. Echoes `text` back with who it acted for,
// so a caller can see the act-on-behalf identity arrive (and PII redaction
// apply to a tool's answer).
import PlatformJSON
import ToolKit

await ToolLambda.run(toolName: "echo") { _, _ in
    { caller, request throws(ToolRefusal) in
        guard case .string(let text)? = request.arguments["text"] else { throw .badArguments("text must be a string") }
        return ToolResult(text: text, structured: [
            "echo": .string(text), "tenantId": .string(caller.tenantID.rawValue), "actingSub": .string(caller.actingSub),
        ])
    }
}
