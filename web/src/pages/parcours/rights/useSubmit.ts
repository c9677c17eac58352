export { useSubmit } from "../../../casework/useSubmit";
