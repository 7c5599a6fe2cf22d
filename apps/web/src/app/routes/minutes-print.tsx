import { useParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { MinutesPrint } from "@/features/minutes/components/minutes-print";

/** The minutes in the Party layout, to print (the app's chrome is hidden on paper). */
export function Component() {
  const { id } = useParams();
  if (!id) return <NotFound />;
  return <MinutesPrint key={id} meetingId={id} />;
}
